package dev.authgateway.cache.domain;

/** What the cache reports about itself (metrics); each event is ignored unless an implementation counts it. */
public interface CacheEvents {

    /** Reports nothing. */
    CacheEvents NONE = new CacheEvents() {
    };

    default void hit() {
    }

    default void negativeHit() {
    }

    default void miss() {
    }

    default void sourceLoad() {
    }

    /** A miss joined a load already running for the same key and generation instead of starting its own. */
    default void coalesced() {
    }

    /** Redis failed and the read went straight to the source. */
    default void redisFallback() {
    }
}
