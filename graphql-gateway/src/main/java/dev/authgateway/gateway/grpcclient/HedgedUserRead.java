package dev.authgateway.gateway.grpcclient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.support.faults.CircuitBreakers;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcFutures;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.helidon.config.Config;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.CircuitBreakerOpenException;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;

/**
 * A profile read: asked of the cache-service, and, if it has not answered after {@code hedgeAfter} (or could not
 * answer: UNAVAILABLE once its retry is spent, its deadline passed), also of the store; the first answer wins. The
 * cache call is never cancelled, not even when the request it serves has ended (it runs in a fork of the request's
 * gRPC context): on a miss the cache-service is loading the user into the cache, and a cancelled load leaves the next
 * read a miss too (with PostgreSQL down, a failure, which PostgresRestartIT caught); its own deadline bounds it. A slow cache-service (a black-holed link, a stalled replica) then costs a read
 * {@code hedgeAfter} and a store read, not its deadline; and a cache-service that answers late still answers when the
 * store cannot (PostgreSQL down), as a plain fallback on a short deadline would not. Reading the store, the source of
 * truth, cannot serve a replaced profile.
 *
 * <p>A circuit breaker counts reads the cache-service did not answer within {@code hedgeAfter}; while most of them
 * did not, reads go to the store alone, so a silent cache-service is not asked and waited for on every read. An
 * answer of any kind (NOT_FOUND, RESOURCE_EXHAUSTED when it is overloaded) counts as answered and is final: an
 * overloaded cache-service's load is not moved onto the store.
 */
final class HedgedUserRead {

    private final UserCacheGrpc.UserCacheFutureStub cache;
    private final UserStoreGrpc.UserStoreFutureStub store;
    private final CallDeadline cacheDeadline;
    private final CallDeadline storeDeadline;
    private final Duration hedgeAfter;
    private final CircuitBreaker breaker;
    private final Counter readsFromStore;

    HedgedUserRead(Channel cacheChannel, CallDeadline cacheDeadline, Channel storeChannel, CallDeadline storeDeadline,
                   Duration hedgeAfter, CircuitBreaker breaker) {
        this.cache = UserCacheGrpc.newFutureStub(cacheChannel);
        this.store = UserStoreGrpc.newFutureStub(storeChannel);
        this.cacheDeadline = cacheDeadline;
        this.storeDeadline = storeDeadline;
        this.hedgeAfter = hedgeAfter;
        this.breaker = breaker;
        MeterRegistry metrics = Metrics.globalRegistry();
        metrics.getOrCreate(Gauge.builder("gateway.cache_breaker_open",
                () -> breaker.state() == CircuitBreaker.State.OPEN ? 1 : 0)
                .description("1 while profile reads go to the store without asking the cache-service"));
        this.readsFromStore = metrics.getOrCreate(Counter.builder("gateway.cache_fallback_reads")
                .description("Profile reads also asked of the store because the cache-service had not answered"));
    }

    /** The breaker from {@code app.cache.breaker}: only a read not answered within {@code hedgeAfter} counts. */
    static CircuitBreaker breaker(Config breaker) {
        return CircuitBreakers.from(breaker, "cache-service-reads", CacheServiceSlow.class);
    }

    /** The user, or the status of the answer that decided it (the store's when both failed). */
    GetUserResponse read(GetUserRequest request) {
        AtomicReference<CompletableFuture<GetUserResponse>> fromCache = new AtomicReference<>();
        try {
            return breaker.invoke(() -> {
                fromCache.set(GrpcFutures.completable(
                        outlivingTheRequest(() -> cacheDeadline.on(cache).getUser(request))));
                return answeredWithin(fromCache.get());
            });
        } catch (CircuitBreakerOpenException e) {
            return await(storeRead(request));
        } catch (CacheServiceSlow e) {
            return await(firstAnswer(fromCache.get(), storeRead(request)));
        }
    }

    private GetUserResponse answeredWithin(CompletableFuture<GetUserResponse> call) {
        try {
            return call.get(hedgeAfter.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new CacheServiceSlow();
        } catch (ExecutionException e) {
            StatusRuntimeException status = statusOf(e.getCause());
            Status.Code code = status.getStatus().getCode();
            if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
                throw new CacheServiceSlow();
            }
            throw status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        }
    }

    private static <T> T outlivingTheRequest(Supplier<T> call) {
        Context forked = Context.current().fork();
        Context previous = forked.attach();
        try {
            return call.get();
        } finally {
            forked.detach(previous);
        }
    }

    private CompletableFuture<GetUserResponse> storeRead(GetUserRequest request) {
        readsFromStore.increment();
        return GrpcFutures.completable(storeDeadline.on(store).getUser(request));
    }

    /** The first success of the two; a store read no longer needed is cancelled. Both failed: the store's failure. */
    private static CompletableFuture<GetUserResponse> firstAnswer(CompletableFuture<GetUserResponse> fromCache,
                                                                  CompletableFuture<GetUserResponse> fromStore) {
        CompletableFuture<GetUserResponse> first = new CompletableFuture<>();
        AtomicInteger failed = new AtomicInteger();
        fromCache.whenComplete((answer, failure) -> {
            if (failure == null) {
                first.complete(answer);
                fromStore.cancel(true);
            } else if (failed.incrementAndGet() == 2) {
                fromStore.whenComplete((ignored, storeFailure) -> first.completeExceptionally(storeFailure));
            }
        });
        fromStore.whenComplete((answer, failure) -> {
            if (failure == null) {
                first.complete(answer);
            } else if (failed.incrementAndGet() == 2) {
                first.completeExceptionally(failure);
            }
        });
        return first;
    }

    private static GetUserResponse await(CompletableFuture<GetUserResponse> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw statusOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        }
    }

    private static StatusRuntimeException statusOf(Throwable failure) {
        return failure instanceof StatusRuntimeException status ? status : Status.fromThrowable(failure).asRuntimeException();
    }

    /** The one failure the breaker counts. */
    private static final class CacheServiceSlow extends RuntimeException {
        CacheServiceSlow() {
            super("the cache-service has not answered", null, false, false);
        }
    }
}
