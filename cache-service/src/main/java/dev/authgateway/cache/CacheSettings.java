package dev.authgateway.cache;


import dev.authgateway.cache.domain.TtlPolicy;
import dev.authgateway.cache.redis.NearCacheSettings;
import dev.authgateway.cache.redis.RedisCacheStore;
import dev.authgateway.support.config.Required;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannelSettings;
import dev.authgateway.support.redis.RedisSettings;
import io.helidon.config.Config;

/**
 * The cache-service's own keys under {@code app}, read once at start-up; every default is in application.yaml and a
 * missing key stops start-up naming it. The gRPC listener's keys are {@code GrpcListenerSettings}'s, the breaker's
 * {@code GuardedCacheStore.breaker}'s.
 */
record CacheSettings(RedisSettings redis, RedisCacheStore.ReplicaAck replicaAck, GrpcChannelSettings store,
                     CallDeadline storeDeadline, TtlPolicy ttl, NearCacheSettings near) {

    static CacheSettings from(Config app) {
        Config redis = app.get("redis");
        Config cache = app.get("cache");
        return new CacheSettings(
                RedisSettings.from(redis),
                new RedisCacheStore.ReplicaAck(Required.integer(redis.get("invalidation-replicas")),
                        Required.duration(redis.get("invalidation-replica-timeout"))),
                GrpcChannelSettings.from(app.get("store")),
                CallDeadline.from(app.get("store")),
                new TtlPolicy(Required.duration(cache.get("ttl")), Required.decimal(cache.get("ttl-jitter")),
                        Required.duration(cache.get("negative-ttl"))),
                NearCacheSettings.from(cache.get("near")));
    }

}
