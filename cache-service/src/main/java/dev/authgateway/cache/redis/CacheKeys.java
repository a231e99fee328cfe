package dev.authgateway.cache.redis;

/**
 * Key names. Both keys of an id share a hash tag, so they live in one slot of a Redis Cluster and one script
 * may touch both.
 */
record CacheKeys(String prefix) {

    String value(String id) {
        return prefix + "user:{" + id + "}";
    }

    String generation(String id) {
        return prefix + "user:{" + id + "}:gen";
    }
}
