package dev.authgateway.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.gateway.domain.LoginAttempt;
import dev.authgateway.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Lua reservation against a real Redis: atomic under concurrency, cleared by success, given back on release. */
class RedisAttemptLimitsIT {

    private static final AttemptPolicy POLICY = new AttemptPolicy(5, 8, Duration.ofMinutes(15), 3, Duration.ofHours(1), 4);

    private TestRedis redis;
    private RedissonClient redisson;
    private RedisAttemptLimits limits;

    @BeforeEach
    void connect() {
        redis = TestRedis.create();
        Config config = new Config();
        config.useSingleServer().setAddress(redis.address());
        redisson = Redisson.create(config);
        limits = new RedisAttemptLimits(redisson, redis.keyPrefix(), POLICY);
    }

    @AfterEach
    void disconnect() {
        redisson.shutdown();
        redis.close();
    }

    @Test
    void givenTwelveSimultaneousReservationsOnOneAccount_thenExactlyTheLimitPassAndTheRestAreRateLimited()
            throws Exception {
        List<Callable<Boolean>> attempts = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 12; i++) {
            String address = "10.0.0." + i;
            attempts.add(() -> {
                start.await();
                try {
                    limits.reserveLogin("user:victim", address);
                    return true;
                } catch (GatewayException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Boolean>> answers = attempts.stream().map(pool::submit).toList();
            start.countDown();
            long passed = 0;
            for (Future<Boolean> answer : answers) {
                passed += answer.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(passed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenTheAccountLocked_thenTheAnswerSaysWhenToRetryAndTheAddressIsNotCharged() {
        for (int i = 0; i < 5; i++) {
            limits.reserveLogin("user:victim", "10.0.0.1");
        }

        GatewayException locked = catchThrowableOfType(GatewayException.class,
                () -> limits.reserveLogin("user:victim", "10.0.0.1"));

        assertThat(locked.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(locked.retryAfter()).hasValueSatisfying(
                retry -> assertThat(retry).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15)));
        assertThat(counter("login:address:{10.0.0.1}")).isEqualTo("5");
    }

    @Test
    void givenASuccess_thenTheAccountStartsOverAndTheAddressGetsItsReservationBack() {
        for (int i = 0; i < 4; i++) {
            limits.reserveLogin("user:ada", "10.0.0.2");
        }
        LoginAttempt right = limits.reserveLogin("user:ada", "10.0.0.2");

        limits.loginSucceeded(right);

        assertThat(counter("login:address:{10.0.0.2}")).isEqualTo("4");
        for (int i = 0; i < 4; i++) {
            limits.reserveLogin("user:ada", "10.0.0.3");
        }
        assertThat(limits.reserveLogin("user:ada", "10.0.0.3").reserved()).isTrue();
    }

    @Test
    void givenReleasedReservations_thenTheyDoNotCountAndNoCounterIsLeftBehind() {
        for (int i = 0; i < 10; i++) {
            limits.release(limits.reserveLogin("user:grace", "10.0.0.4"));
        }

        assertThat(redis.keys()).isEmpty();
        assertThat(limits.reserveLogin("user:grace", "10.0.0.4").reserved()).isTrue();
    }

    @Test
    void givenAReleaseAfterTheWindowEnded_thenNoCounterWithoutExpiryIsCreated() {
        LoginAttempt attempt = limits.reserveLogin("user:late", "10.0.0.5");
        redisson.getKeys().delete(redis.keys().toArray(String[]::new));

        limits.release(attempt);

        assertThat(redis.keys()).isEmpty();
    }

    @Test
    void givenGuessesAtManyAccountsFromOneAddress_thenTheAddressLimitStopsThem() {
        for (int i = 0; i < 8; i++) {
            limits.reserveLogin("login:nobody" + i, "10.0.0.6");
        }

        GatewayException limited = catchThrowableOfType(GatewayException.class,
                () -> limits.reserveLogin("login:someone-else", "10.0.0.6"));

        assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(limits.reserveLogin("login:someone-else", "10.0.0.7").reserved()).isTrue();
    }

    @Test
    void givenSignupsFromOneAddress_thenThoseOverTheLimitAreRefused() {
        for (int i = 0; i < 3; i++) {
            limits.signupAttempted("10.0.0.8");
        }

        assertThat(catchThrowableOfType(GatewayException.class, () -> limits.signupAttempted("10.0.0.8")).code())
                .isEqualTo(ErrorCode.RATE_LIMITED);
    }

    private String counter(String suffix) {
        return redisson.<String>getBucket(redis.keyPrefix() + "attempts:" + suffix, StringCodec.INSTANCE).get();
    }

    @Test
    void givenWrongSecondFactorCodes_thenTheUserIsLockedApartFromItsLogins_andARightCodeClearsTheCount() {
        for (int i = 0; i < 3; i++) {
            limits.reserveSecondFactor("u-1", "10.0.0.1");
        }
        limits.secondFactorSucceeded(limits.reserveSecondFactor("u-1", "10.0.0.1"));
        for (int i = 0; i < 4; i++) {
            limits.reserveSecondFactor("u-1", "10.0.0." + (i + 2));
        }

        GatewayException locked = catchThrowableOfType(GatewayException.class,
                () -> limits.reserveSecondFactor("u-1", "10.0.0.9"));
        assertThat(locked.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(locked.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(15)));
        assertThat(limits.reserveLogin("user:u-1", "10.0.0.9").reserved()).as("the password count is its own")
                .isTrue();
        assertThat(limits.reserveSecondFactor("u-2", "10.0.0.9").reserved()).as("another user").isTrue();
    }

    @Test
    void givenASecondFactorAttemptReleased_thenItDoesNotCount() {
        for (int i = 0; i < 10; i++) {
            limits.releaseSecondFactor(limits.reserveSecondFactor("u-3", "10.0.0.1"));
        }

        assertThat(limits.reserveSecondFactor("u-3", "10.0.0.1").reserved()).isTrue();
    }

    @Test
    void givenRefusedPasskeyAssertions_thenTheAddressIsLimitedApartFromPasswordLogins_andAcceptedOnesDoNotCount() {
        for (int i = 0; i < 3; i++) {
            limits.releasePasskeyLogin(limits.reservePasskeyLogin("10.9.9.9"));  // accepted: given back
        }
        for (int i = 0; i < 8; i++) {
            limits.reservePasskeyLogin("10.9.9.9");                             // refused: kept
        }

        GatewayException limited = catchThrowableOfType(GatewayException.class,
                () -> limits.reservePasskeyLogin("10.9.9.9"));

        assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(limited.retryAfter()).get().satisfies(wait -> assertThat(wait).isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(15)));
        assertThat(limits.reservePasskeyLogin("10.9.9.10").reserved()).as("another address").isTrue();
        assertThat(limits.reserveLogin("user:ada", "10.9.9.9").reserved()).as("password logins count apart").isTrue();
    }
}
