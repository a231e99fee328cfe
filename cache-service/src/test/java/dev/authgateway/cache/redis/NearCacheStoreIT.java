package dev.authgateway.cache.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.authgateway.cache.domain.Lookup;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas' near caches over one real Redis, each with a Redisson client of its own. */
class NearCacheStoreIT {

    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final NearCacheSettings SETTINGS =
            new NearCacheSettings(true, Duration.ofMinutes(1), 1_000, LEASE, Duration.ofMillis(200));

    private final List<RedissonClient> clients = new ArrayList<>();
    private TestRedis redis;
    private NearCacheStore<User> first;
    private NearCacheStore<User> second;
    private RedissonClient admin;

    @BeforeEach
    void start() throws InterruptedException {
        redis = TestRedis.create();
        admin = client();
        first = replica();
        second = replica();
        awaitServing(first);
        awaitServing(second);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        clients.forEach(RedissonClient::shutdown);
        redis.close();
    }

    @Test
    void givenAValueReadFromRedis_thenTheNextReadIsServedFromMemory() {
        User ada = cachedInRedis("Ada");
        assertThat(first.lookup(ada.getId())).isEqualTo(new Lookup.Hit<>(ada));

        deleteFromRedis(ada.getId());

        assertThat(first.lookup(ada.getId())).as("no Redis round trip").isEqualTo(new Lookup.Hit<>(ada));
        assertThat(first.lookupWithoutBlocking(ada.getId()).orElseThrow().toCompletableFuture().join())
                .isEqualTo(new Lookup.Hit<>(ada));
        assertThat(second.lookup(ada.getId())).as("the other replica never read it")
                .isInstanceOf(Lookup.Miss.class);
    }

    @Test
    void givenBothReplicasHoldAValue_whenOneInvalidates_thenNeitherServesItOnceInvalidateReturns() {
        User ada = cachedInRedis("Ada");
        first.lookup(ada.getId());
        second.lookupWithoutBlocking(ada.getId()).orElseThrow().toCompletableFuture().join();

        first.invalidate(ada.getId());

        assertThat(second.lookup(ada.getId())).isInstanceOf(Lookup.Miss.class);
        assertThat(first.lookup(ada.getId())).isInstanceOf(Lookup.Miss.class);
    }

    @Test
    void givenAMemberThatNeverAcknowledges_thenTheWriterStrikesItOffAndWaitsOutOneLease() {
        String silent = "silent-" + UUID.randomUUID();
        admin.getScoredSortedSet(membersKey(), StringCodec.INSTANCE)
                .add(System.currentTimeMillis() + 60_000, silent);
        User ada = cachedInRedis("Ada");

        long started = System.nanoTime();
        first.invalidate(ada.getId());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(LEASE);
        assertThat(admin.getScoredSortedSet(membersKey(), StringCodec.INSTANCE).contains(silent)).isFalse();
        assertThat(admin.getScoredSortedSet(membersKey(), StringCodec.INSTANCE).contains(second.memberId()))
                .as("a member that acknowledged keeps its lease").isTrue();
    }

    @Test
    void givenAReplicaStruckOff_thenItForgetsWhatItHeldWithinOneLease() throws InterruptedException {
        User ada = cachedInRedis("Ada");
        second.lookup(ada.getId());
        deleteFromRedis(ada.getId());
        assertThat(second.lookup(ada.getId())).isEqualTo(new Lookup.Hit<>(ada));

        admin.getScoredSortedSet(membersKey(), StringCodec.INSTANCE).remove(second.memberId());

        long deadline = System.nanoTime() + LEASE.toNanos();
        while (second.lookup(ada.getId()) instanceof Lookup.Hit<User> && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(second.lookup(ada.getId())).isInstanceOf(Lookup.Miss.class);
        awaitServing(second);
        assertThat(second.lookup(ada.getId())).as("rejoined with nothing kept").isInstanceOf(Lookup.Miss.class);
    }

    private User cachedInRedis(String name) {
        User user = User.newBuilder().setId(UUID.randomUUID().toString()).setUsername(name.toLowerCase())
                .setDisplayName(name).setVersion(1).build();
        new RedisCacheStore<>(admin, redis.keyPrefix(), new ProtobufUserCodec())
                .storeUnlessInvalidated(user.getId(), Optional.of(user), 0, Duration.ofMinutes(5));
        return user;
    }

    private void deleteFromRedis(String id) {
        admin.getBucket(redis.keyPrefix() + "user:{" + id + "}").delete();
    }

    private String membersKey() {
        return redis.keyPrefix() + "near:members";
    }

    private NearCacheStore<User> replica() {
        RedissonClient client = client();
        return new NearCacheStore<>(new RedisCacheStore<>(client, redis.keyPrefix(), new ProtobufUserCodec()),
                client, redis.keyPrefix(), SETTINGS);
    }

    private RedissonClient client() {
        Config config = new Config();
        config.useSingleServer().setAddress(redis.address()).setTimeout(2_000);
        RedissonClient client = Redisson.create(config);
        clients.add(client);
        return client;
    }

    private static void awaitServing(NearCacheStore<User> replica) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!replica.serving() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(replica.serving()).as("the replica holds a lease").isTrue();
    }
}
