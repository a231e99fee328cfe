package dev.authgateway.cache.domain;

/**
 * Writes that the cache never contradicts: the source is written first, then the cached value is dropped (its
 * generation moved on, so a load already under way cannot write the old value back). A write answers only once the
 * cache can no longer serve what it replaced: the drop is tried {@value #INVALIDATION_ATTEMPTS} times, then the
 * caller is told the write was saved but must be repeated ({@link InvalidationFailedException}).
 */
public final class CoherentWrites<V> {

    static final int INVALIDATION_ATTEMPTS = 3;

    private final Writer<V> writer;
    private final CacheAside<V> cache;

    public CoherentWrites(Writer<V> writer, CacheAside<V> cache) {
        this.writer = writer;
        this.cache = cache;
    }

    public V updateProfile(String id, String displayName) {
        V updated = writer.updateProfile(id, displayName);
        for (int attempt = 1; ; attempt++) {
            try {
                cache.invalidate(id);
                return updated;
            } catch (CacheUnavailableException e) {
                if (attempt == INVALIDATION_ATTEMPTS) {
                    throw new InvalidationFailedException(e);
                }
            }
        }
    }
}
