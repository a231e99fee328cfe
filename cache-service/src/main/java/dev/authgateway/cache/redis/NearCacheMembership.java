package dev.authgateway.cache.redis;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.authgateway.cache.domain.CacheUnavailableException;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Keeps the near caches of all cache-service replicas coherent: an invalidation returns only once no replica can
 * serve the old value any more.
 *
 * <p>Each replica holds a lease in one Redis sorted set (member id, expiry by Redis's clock), renewed every quarter
 * lease, and serves from its near cache only while its last renewal is fresh by its own clock. An invalidation is
 * published on a channel every member subscribes to; the writer waits for an acknowledgement from each member whose
 * lease was live when it published. A member that does not answer in time (its subscription lost, a pause, a
 * network partition) is struck from the set; its next renewal fails, which empties its near cache, and the writer
 * waits out one lease, after which that member cannot be serving from its near cache whatever happened to it.
 */
final class NearCacheMembership implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NearCacheMembership.class.getName());

    /** KEYS: members. ARGV: member, join (1 or 0), lease ms. Returns 1 when the lease is held now. */
    private static final String RENEW = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if ARGV[2] == '1' or redis.call('ZSCORE', KEYS[1], ARGV[1]) then
              redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
              redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 10)
              return 1
            end
            return 0
            """;

    /** KEYS: members. ARGV: channel, message. Returns the members whose lease is live after the publish. */
    private static final String PUBLISH = """
            redis.call('PUBLISH', ARGV[1], ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            return redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')
            """;

    private final RedissonClient redisson;
    private final NearCache<?> near;
    private final NearCacheSettings settings;
    private final String memberId = UUID.randomUUID().toString();
    private final String membersKey;
    private final String invalidationChannel;
    private final String ackChannel;
    private final Map<Long, PendingAcks> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewals;
    private volatile boolean subscribed;
    private volatile boolean member;

    NearCacheMembership(RedissonClient redisson, String keyPrefix, NearCache<?> near, NearCacheSettings settings) {
        this.redisson = redisson;
        this.near = near;
        this.settings = settings;
        this.membersKey = keyPrefix + "near:members";
        this.invalidationChannel = keyPrefix + "near:invalidations";
        this.ackChannel = keyPrefix + "near:acks:" + memberId;
        this.renewals = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("near-cache-lease").factory());
    }

    void start() {
        long period = settings.lease().toMillis() / 4;
        renewals.scheduleWithFixedDelay(this::renew, 0, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Drops {@code id} from every replica's near cache; returns once each member acknowledged or, for those that did
     * not in time, once their lease ran out. Throws {@link CacheUnavailableException} when Redis cannot take part.
     */
    void invalidateEverywhere(String id) {
        long nonce = ThreadLocalRandom.current().nextLong();
        PendingAcks acks = new PendingAcks();
        pending.put(nonce, acks);
        try {
            List<String> live = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, PUBLISH,
                    RScript.ReturnType.LIST, List.of(membersKey), invalidationChannel,
                    nonce + " " + memberId + " " + id);
            Set<String> missing = acks.await(Set.copyOf(live), settings.ackTimeout());
            if (!missing.isEmpty()) {
                revoke(missing);
            }
        } catch (RedisException e) {
            throw new CacheUnavailableException(e);
        } finally {
            pending.remove(nonce);
        }
    }

    private void revoke(Set<String> members) {
        LOG.warning(() -> "near cache: " + members.size() + " replica(s) did not acknowledge an invalidation in "
                + settings.ackTimeout().toMillis() + " ms; revoking their lease and waiting it out");
        redisson.getScoredSortedSet(membersKey, StringCodec.INSTANCE).removeAll(members);
        try {
            Thread.sleep(settings.lease());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheUnavailableException(new RedisException("interrupted while a near-cache lease ran out"));
        }
    }

    private void renew() {
        try {
            if (!subscribed) {
                subscribe();
            }
            boolean joining = !member;
            if (joining) {
                near.leaseLost();
            }
            long sent = System.nanoTime();
            Long held = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, RENEW,
                    RScript.ReturnType.LONG, List.of(membersKey), memberId, joining ? "1" : "0",
                    Long.toString(settings.lease().toMillis()));
            if (held != null && held == 1L) {
                member = true;
                near.leaseRenewed(sent, settings.lease().multipliedBy(3).dividedBy(4));
            } else {
                member = false;
                near.leaseLost();
            }
        } catch (RuntimeException e) {
            // The lease runs out on its own; the next renewal tries again.
            LOG.log(Level.FINE, "near cache: lease renewal failed", e);
        }
    }

    private void subscribe() {
        RTopic invalidations = redisson.getTopic(invalidationChannel, StringCodec.INSTANCE);
        invalidations.addListener(new org.redisson.api.listener.StatusListener() {
            @Override
            public void onSubscribe(String channel) {
            }

            @Override
            public void onUnsubscribe(String channel) {
                member = false;
                near.leaseLost();
            }
        });
        invalidations.addListener(String.class, (channel, message) -> onInvalidation(message));
        redisson.getTopic(ackChannel, StringCodec.INSTANCE).addListener(String.class,
                (channel, message) -> onAck(message));
        subscribed = true;
    }

    /** {@code nonce writer id}: evict, then acknowledge to the writer. */
    private void onInvalidation(String message) {
        String[] parts = message.split(" ", 3);
        if (parts.length != 3) {
            return;
        }
        near.evict(parts[2]);
        redisson.getTopic(ackChannelOf(parts[1]), StringCodec.INSTANCE).publishAsync(parts[0] + " " + memberId);
    }

    /** {@code nonce member}. */
    private void onAck(String message) {
        int space = message.indexOf(' ');
        if (space < 0) {
            return;
        }
        try {
            PendingAcks acks = pending.get(Long.parseLong(message.substring(0, space)));
            if (acks != null) {
                acks.acknowledged(message.substring(space + 1));
            }
        } catch (NumberFormatException e) {
            LOG.log(Level.FINE, "near cache: malformed acknowledgement", e);
        }
    }

    private String ackChannelOf(String member) {
        return ackChannel.substring(0, ackChannel.length() - memberId.length()) + member;
    }

    String memberId() {
        return memberId;
    }

    @Override
    public void close() {
        renewals.shutdownNow();
        near.leaseLost();
        try {
            redisson.getScoredSortedSet(membersKey, StringCodec.INSTANCE).remove(memberId);
            redisson.getTopic(invalidationChannel, StringCodec.INSTANCE).removeAllListeners();
            redisson.getTopic(ackChannel, StringCodec.INSTANCE).removeAllListeners();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "near cache: could not leave cleanly; the lease runs out", e);
        }
    }

    /** Acknowledgements of one invalidation, which may arrive before the writer knows whom to expect. */
    private static final class PendingAcks {
        private final Set<String> received = ConcurrentHashMap.newKeySet();
        private volatile CompletableFuture<Void> signal = new CompletableFuture<>();

        void acknowledged(String member) {
            received.add(member);
            signal.complete(null);
        }

        Set<String> await(Set<String> expected, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                CompletableFuture<Void> next = new CompletableFuture<>();
                signal = next;
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(received);
                long left = deadline - System.nanoTime();
                if (missing.isEmpty() || left <= 0) {
                    return missing;
                }
                try {
                    next.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // loop once more to compute what is missing
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return missing;
                } catch (ExecutionException e) {
                    return missing;
                }
            }
        }
    }
}
