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
        invalidate(id);
        return updated;
    }

    /**
     * Deletes the user at the source, then drops it: a later read misses, finds no user and caches that. The ids of
     * the sessions that were open.
     */
    public java.util.List<String> deleteUser(String id, String currentPassword, String code) {
        java.util.List<String> ended = writer.deleteUser(id, currentPassword, code);
        invalidate(id);
        return ended;
    }

    /** The new address is written at the source, then the user with the old one is dropped. */
    public V confirmEmailChange(String token) {
        Writer.Written<V> written = writer.confirmEmailChange(token);
        invalidate(written.id());
        return written.value();
    }

    private void invalidate(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                cache.invalidate(id);
                return;
            } catch (CacheUnavailableException e) {
                if (attempt == INVALIDATION_ATTEMPTS) {
                    throw new InvalidationFailedException(e);
                }
            }
        }
    }
}
