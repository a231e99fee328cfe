package dev.authgateway.cache.domain;

/** What the cache reports about itself (metrics). */
public interface CacheEvents {

    void hit();

    void negativeHit();

    void miss();

    void sourceLoad();

    /** A miss joined a load already running for the same key and generation instead of starting its own. */
    void coalesced();

    /** Redis failed and the read went straight to the source. */
    void redisFallback();

    CacheEvents NONE = new CacheEvents() {
        @Override
        public void hit() {
        }

        @Override
        public void negativeHit() {
        }

        @Override
        public void miss() {
        }

        @Override
        public void sourceLoad() {
        }

        @Override
        public void coalesced() {
        }

        @Override
        public void redisFallback() {
        }
    };
}
