package dev.authgateway.gateway.sessions;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.authgateway.gateway.domain.SessionRevocations;
import dev.authgateway.support.observe.RateLimitedLog;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Ended sessions as Redis keys that live as long as an access token can (ttl + clock skew), so every replica refuses
 * their tokens. Each replica remembers "not revoked" answers for {@code recheck} (default 2 s): a revocation is seen
 * everywhere within that, and the hot path asks Redis at most once per session per recheck. Revocations are
 * remembered locally at once on the replica that made them.
 *
 * <p>Fails open: while Redis is unreachable, tokens of ended sessions are accepted until they expire (at most the
 * access-token lifetime), and the failure is logged (one line, at most 10 a minute: every request would log it).
 */
public final class RedisSessionRevocations implements SessionRevocations {

    private static final RateLimitedLog LOG = RateLimitedLog.of(RedisSessionRevocations.class);

    private final RedissonClient redisson;
    private final String prefix;
    private final Duration keep;
    private final Cache<String, Boolean> answers;

    public RedisSessionRevocations(RedissonClient redisson, String keyPrefix, Duration keep, Duration recheck) {
        this.redisson = redisson;
        this.prefix = keyPrefix + "ended-session:";
        this.keep = keep;
        this.answers = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(recheck).build();
    }

    @Override
    public void revoke(String sessionId) {
        answers.put(sessionId, Boolean.TRUE);
        try {
            redisson.getBucket(prefix + sessionId, StringCodec.INSTANCE).set("1", keep);
        } catch (RedisException e) {
            LOG.dependency("redis revoke", "Could not record an ended session in Redis", e);
        }
    }

    @Override
    public boolean isRevoked(String sessionId) {
        return answers.get(sessionId, this::askRedis);
    }

    private boolean askRedis(String sessionId) {
        try {
            return redisson.getBucket(prefix + sessionId, StringCodec.INSTANCE).isExists();
        } catch (RedisException e) {
            LOG.dependency("redis revocations", "Ended sessions unavailable (failing open)", e);
            return false;
        }
    }
}
