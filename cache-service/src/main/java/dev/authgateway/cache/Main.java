package dev.authgateway.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.authgateway.cache.domain.CacheAside;
import dev.authgateway.cache.domain.CacheStore;
import dev.authgateway.cache.domain.CoherentWrites;
import dev.authgateway.cache.grpc.MeteredCacheEvents;
import dev.authgateway.cache.grpc.UserCacheGrpcService;
import dev.authgateway.cache.redis.GuardedCacheStore;
import dev.authgateway.cache.redis.NearCacheStore;
import dev.authgateway.cache.redis.ProtobufUserCodec;
import dev.authgateway.cache.redis.RedisCacheStore;
import dev.authgateway.cache.storeclient.StoreUserSource;
import dev.authgateway.cache.storeclient.StoreWriter;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.grpc.GrpcHealth;
import dev.authgateway.support.redis.RedisClients;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.HealthChecks;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.support.server.ServiceMain;
import io.grpc.ManagedChannel;
import io.helidon.config.Config;
import org.redisson.api.RedissonClient;

/** cache-service: the UserCache gRPC service, Redis in front of the store-service. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceMain.run("cache-service", Main::start);
    }

    public static RunningService start(Config root) {
        Config app = root.get("app");
        CacheSettings settings = CacheSettings.from(app);
        RedissonClient redisson = RedisClients.open(settings.redis());
        ManagedChannel storeChannel = GrpcChannels.open(app.get("store"));
        String keyPrefix = settings.redis().keyPrefix();
        CallDeadline storeDeadline = settings.storeDeadline();
        CallDeadline probeDeadline = new CallDeadline(Duration.ofSeconds(1));

        var redisStore = new GuardedCacheStore<>(new RedisCacheStore<>(redisson, keyPrefix, new ProtobufUserCodec(),
                        settings.replicaAck()),
                GuardedCacheStore.breaker(app.get("redis.breaker")));
        Optional<NearCacheStore<User>> nearStore = settings.near().enabled()
                ? Optional.of(new NearCacheStore<>(redisStore, redisson, keyPrefix, settings.near()))
                : Optional.empty();
        var users = new CacheAside<>(
                nearStore.<CacheStore<User>>map(near -> near).orElse(redisStore),
                new StoreUserSource(storeChannel, storeDeadline),
                settings.ttl(),
                new MeteredCacheEvents(redisStore::open));
        try {
            return GrpcServiceServer.builder()
                    .service(new UserCacheGrpcService(users,
                            new CoherentWrites<>(new StoreWriter(storeChannel, storeDeadline), users),
                            task -> Thread.ofVirtual().name("cache-read").start(task)))
                    .nonBlocking(UserCacheGrpc.getGetUserMethod())
                    // Ready while it can answer reads: from Redis, or from the store when Redis is down.
                    .readiness(HealthChecks.readiness("redis-or-store",
                            () -> RedisClients.reachable(redisson, keyPrefix)
                                    || GrpcHealth.serving(storeChannel, probeDeadline)))
                    .start(root, List.of(() -> nearStore.ifPresent(NearCacheStore::close), redisson::shutdown,
                            () -> GrpcChannels.close(storeChannel)));
        } catch (RuntimeException e) {
            nearStore.ifPresent(NearCacheStore::close);
            GrpcChannels.close(storeChannel);
            redisson.shutdown();
            throw e;
        }
    }
}
