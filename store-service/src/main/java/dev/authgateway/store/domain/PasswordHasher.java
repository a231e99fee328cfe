package dev.authgateway.store.domain;

/** One-way password hashing with a memory-hard function. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);

    /** Whether a hash was made with other parameters than the configured ones and should be made anew. */
    boolean needsRehash(String hash);

    /** Takes as long as {@link #matches} on a real hash, for logins whose user does not exist. */
    void burnEquivalentTime(String password);
}
