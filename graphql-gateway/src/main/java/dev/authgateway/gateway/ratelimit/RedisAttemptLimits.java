package dev.authgateway.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import dev.authgateway.gateway.domain.AttemptLimits;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.gateway.domain.LoginAttempt;
import dev.authgateway.support.observe.RateLimitedLog;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Attempt counters in Redis, shared by every gateway replica: a fixed window per key that starts with the first
 * attempt. An attempt is reserved (checked and counted in one Lua script, which Redis runs atomically) before the
 * password is checked, so simultaneous attempts cannot all pass a check made before any of them was counted. Past
 * the limit the key stays locked until its window ends, and the answer says when.
 *
 * <p>Fails open: if Redis cannot be reached, attempts are allowed (and logged), so an outage of the cache does not
 * lock every user out; Argon2id still makes each guess cost the attacker 30 ms of our CPU.
 */
public final class RedisAttemptLimits implements AttemptLimits {

    private static final RateLimitedLog LOG = RateLimitedLog.of(RedisAttemptLimits.class);

    /**
     * KEYS: counters. ARGV[1]: window ms, ARGV[1 + i]: the limit of KEYS[i]. If any counter is at its limit, returns
     * the ms left on it and counts nothing; else counts one on every key and returns 0.
     */
    static final String RESERVE = """
            for i, key in ipairs(KEYS) do
              if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i + 1]) then
                local left = redis.call('PTTL', key)
                if left < 0 then
                  redis.call('PEXPIRE', key, ARGV[1])
                  left = tonumber(ARGV[1])
                end
                return left
              end
            end
            for _, key in ipairs(KEYS) do
              if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
            end
            return 0
            """;

    /** KEYS: counters to give one back on; a counter whose window already ended is left alone. */
    static final String RELEASE = """
            for _, key in ipairs(KEYS) do
              if redis.call('EXISTS', key) == 1 and redis.call('DECR', key) <= 0 then redis.call('DEL', key) end
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
    public LoginAttempt reserveLogin(String limitKey, String clientAddress) {
        Long lockedMillis = run(RESERVE, List.of(accountKey(limitKey), addressKey("login", clientAddress)),
                policy.loginWindow(), policy.loginFailuresPerAccount(), policy.loginFailuresPerAddress());
        if (lockedMillis != null && lockedMillis > 0) {
            throw GatewayException.rateLimited("too many failed logins; try again later", roundUp(lockedMillis));
        }
        return new LoginAttempt(limitKey, clientAddress, lockedMillis != null);
    }

    @Override
    public void loginSucceeded(LoginAttempt attempt) {
        if (!attempt.reserved()) {
            return;
        }
        try {
            redisson.getBucket(accountKey(attempt.limitKey()), StringCodec.INSTANCE).delete();
        } catch (RedisException e) {
            LOG.dependency("clear-failed", "Could not clear failed logins in Redis", e);
        }
        run(RELEASE, List.of(addressKey("login", attempt.clientAddress())), null);
    }

    @Override
    public void release(LoginAttempt attempt) {
        if (attempt.reserved()) {
            run(RELEASE, List.of(accountKey(attempt.limitKey()), addressKey("login", attempt.clientAddress())), null);
        }
    }

    @Override
    public void signupAttempted(String clientAddress) {
        Long lockedMillis = run(RESERVE, List.of(addressKey("signup", clientAddress)), policy.signupWindow(),
                policy.signupsPerAddress());
        if (lockedMillis != null && lockedMillis > 0) {
            throw GatewayException.rateLimited("too many signups from this address; try again later",
                    roundUp(lockedMillis));
        }
    }

    @Override
    public LoginAttempt reserveSecondFactor(String userId, String clientAddress) {
        Long lockedMillis = run(RESERVE, List.of(secondFactorKey(userId), addressKey("mfa", clientAddress)),
                policy.loginWindow(), policy.secondFactorFailuresPerAccount(), policy.loginFailuresPerAddress());
        if (lockedMillis != null && lockedMillis > 0) {
            throw GatewayException.rateLimited("too many wrong codes; try again later", roundUp(lockedMillis));
        }
        return new LoginAttempt(userId, clientAddress, lockedMillis != null);
    }

    @Override
    public void secondFactorSucceeded(LoginAttempt attempt) {
        if (!attempt.reserved()) {
            return;
        }
        try {
            redisson.getBucket(secondFactorKey(attempt.limitKey()), StringCodec.INSTANCE).delete();
        } catch (RedisException e) {
            LOG.dependency("clear-failed", "Could not clear wrong second-factor codes in Redis", e);
        }
        run(RELEASE, List.of(addressKey("mfa", attempt.clientAddress())), null);
    }

    @Override
    public void releaseSecondFactor(LoginAttempt attempt) {
        if (attempt.reserved()) {
            run(RELEASE, List.of(secondFactorKey(attempt.limitKey()), addressKey("mfa", attempt.clientAddress())),
                    null);
        }
    }

    /** Failed passkey assertions from the address share the login window and the login's per-address allowance. */
    @Override
    public LoginAttempt reservePasskeyLogin(String clientAddress) {
        Long lockedMillis = run(RESERVE, List.of(addressKey("passkey", clientAddress)), policy.loginWindow(),
                policy.loginFailuresPerAddress());
        if (lockedMillis != null && lockedMillis > 0) {
            throw GatewayException.rateLimited("too many failed passkey logins from this address; try again later",
                    roundUp(lockedMillis));
        }
        return new LoginAttempt("", clientAddress, lockedMillis != null);
    }

    @Override
    public void releasePasskeyLogin(LoginAttempt attempt) {
        if (attempt.reserved()) {
            run(RELEASE, List.of(addressKey("passkey", attempt.clientAddress())), null);
        }
    }

    /** The script's answer, or null when Redis could not be reached (the limits fail open). */
    private Long run(String script, List<Object> keys, Duration window, int... limits) {
        Object[] args = new Object[limits.length + 1];
        args[0] = window == null ? "0" : Long.toString(window.toMillis());
        for (int i = 0; i < limits.length; i++) {
            args[i + 1] = Integer.toString(limits[i]);
        }
        try {
            Long answer = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script,
                    RScript.ReturnType.LONG, keys, args);
            return answer == null ? 0L : answer;
        } catch (RedisException e) {
            LOG.dependency("redis-unavailable", "Attempt limits unavailable (failing open)", e);
            return null;
        }
    }

    /** The account (or the canonical login that names none), hashed: keys carry no logins, which may be emails. */
    private String accountKey(String limitKey) {
        return prefix + "login:account:{" + hash(limitKey) + "}";
    }

    /** Wrong codes of every challenge of the user, and of confirming and disabling, share one count. */
    private String secondFactorKey(String userId) {
        return prefix + "mfa:account:{" + hash("user:" + userId) + "}";
    }

    private String addressKey(String action, String clientAddress) {
        return prefix + action + ":address:{" + clientAddress + "}";
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration roundUp(long millis) {
        return Duration.ofSeconds((millis + 999) / 1000);
    }
}
