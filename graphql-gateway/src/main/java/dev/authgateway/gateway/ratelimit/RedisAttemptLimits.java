package dev.authgateway.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.authgateway.gateway.domain.AttemptLimits;
import dev.authgateway.gateway.domain.GatewayException;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Attempt counters in Redis, shared by every gateway replica: a fixed window per key that starts with the first
 * attempt. Past the limit the key stays locked until its window ends, and the answer says when.
 *
 * <p>Fails open: if Redis cannot be reached, attempts are allowed (and logged), so an outage of the cache does not
 * lock every user out; Argon2id still makes each guess cost the attacker 30 ms of our CPU.
 */
public final class RedisAttemptLimits implements AttemptLimits {

    private static final Logger LOG = Logger.getLogger(RedisAttemptLimits.class.getName());

    /** KEYS: counter. ARGV: window ms. Returns the count after this attempt. */
    private static final String COUNT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return count
            """;

    /** KEYS: counters. ARGV: their limits. Returns the ms left on the first counter at its limit, or 0. */
    private static final String LOCKED_FOR = """
            for i, key in ipairs(KEYS) do
              local count = tonumber(redis.call('GET', key) or '0')
              if count >= tonumber(ARGV[i]) then
                local left = redis.call('PTTL', key)
                if left > 0 then return left end
              end
            end
            return 0
            """;

    private final RedissonClient redisson;
    private final String prefix;
    private final AttemptPolicy policy;

    public RedisAttemptLimits(RedissonClient redisson, String keyPrefix, AttemptPolicy policy) {
        this.redisson = redisson;
        this.prefix = keyPrefix + "attempts:";
        this.policy = policy;
    }

    @Override
    public void checkLogin(String login, String clientAddress) {
        long lockedMillis = lockedFor(List.of(accountKey(login), addressKey("login", clientAddress)),
                policy.loginFailuresPerAccount(), policy.loginFailuresPerAddress());
        if (lockedMillis > 0) {
            throw GatewayException.rateLimited("too many failed logins; try again later", roundUp(lockedMillis));
        }
    }

    @Override
    public void loginFailed(String login, String clientAddress) {
        count(accountKey(login), policy.loginWindow());
        count(addressKey("login", clientAddress), policy.loginWindow());
    }

    @Override
    public void loginSucceeded(String login) {
        try {
            redisson.getBucket(accountKey(login), StringCodec.INSTANCE).delete();
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "Could not clear failed logins in Redis: " + e.getMessage());
        }
    }

    @Override
    public void signupAttempted(String clientAddress) {
        String key = addressKey("signup", clientAddress);
        long lockedMillis = lockedFor(List.of(key), policy.signupsPerAddress());
        if (lockedMillis > 0) {
            throw GatewayException.rateLimited("too many signups from this address; try again later",
                    roundUp(lockedMillis));
        }
        count(key, policy.signupWindow());
    }

    private long lockedFor(List<Object> keys, int... limits) {
        Object[] args = new Object[limits.length];
        for (int i = 0; i < limits.length; i++) {
            args[i] = Integer.toString(limits[i]);
        }
        try {
            Long left = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY, LOCKED_FOR,
                    RScript.ReturnType.INTEGER, keys, args);
            return left == null ? 0 : left;
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "Attempt limits unavailable (failing open): " + e.getMessage());
            return 0;
        }
    }

    private void count(String key, Duration window) {
        try {
            redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, COUNT,
                    RScript.ReturnType.INTEGER, List.of(key), Long.toString(window.toMillis()));
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "Could not count an attempt in Redis (failing open): " + e.getMessage());
        }
    }

    /** Logins are counted per account whatever case or form (username or email) the caller typed. */
    private String accountKey(String login) {
        String normalized = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return prefix + "login:account:{" + hash(normalized) + "}";
    }

    private String addressKey(String action, String clientAddress) {
        return prefix + action + ":address:{" + clientAddress + "}";
    }

    /** Keys carry no raw logins (they may be emails). */
    private static String hash(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration roundUp(long millis) {
        return Duration.ofSeconds((millis + 999) / 1000);
    }
}
