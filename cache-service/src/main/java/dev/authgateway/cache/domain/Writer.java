package dev.authgateway.cache.domain;

/** Where writes go: the system of record, never the cache. */
public interface Writer<V> {

    /** The value as written; failures are the source's own, passed on unchanged. */
    V updateProfile(String id, String displayName);
}
