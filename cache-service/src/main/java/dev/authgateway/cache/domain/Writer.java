package dev.authgateway.cache.domain;

/** Where writes go: the system of record, never the cache. */
public interface Writer<V> {

    /** The value as written; failures are the source's own, passed on unchanged. */
    V updateProfile(String id, String displayName);

    /** Deletes the user, given its owner's re-authentication; the ids of the sessions that were open. */
    default java.util.List<String> deleteUser(String id, String currentPassword, String code) {
        throw new UnsupportedOperationException("deleteUser");
    }

    /** Spends a mailed email-change token: the user (its id, for the cache) with its new address. */
    default Written<V> confirmEmailChange(String token) {
        throw new UnsupportedOperationException("confirmEmailChange");
    }

    /** A value as written and the id it is cached under. */
    record Written<V>(String id, V value) {
    }
}
