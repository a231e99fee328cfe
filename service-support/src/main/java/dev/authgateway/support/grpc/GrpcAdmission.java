package dev.authgateway.support.grpc;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.authgateway.support.config.Required;
import dev.authgateway.support.faults.LimitTokens;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.helidon.common.concurrency.limits.AimdLimit;
import io.helidon.common.concurrency.limits.LimitAlgorithm;
import io.helidon.config.Config;

/**
 * How many calls a gRPC service runs at once: Helidon's AIMD concurrency limit, the one the gateway's GraphQL
 * admission uses, over every call of the service's API (health checks are not counted). It grows while calls finish
 * within its timeout and shrinks when they do not; past it a call is refused at once with {@code RESOURCE_EXHAUSTED}
 * ("overloaded"), which the gateway answers as a refusal, not as a backend to fall back from. There is no queue: the
 * cache-service runs its reads on the transport's event loop, where no call may wait.
 */
public final class GrpcAdmission implements ServerInterceptor {

    static final Status OVERLOADED = Status.RESOURCE_EXHAUSTED.withDescription("overloaded; retry later");

    private final LimitAlgorithm limit;

    GrpcAdmission(LimitAlgorithm limit) {
        this.limit = limit;
    }

    /** From {@code grpc.admission}: enabled, min-limit, initial-limit, max-limit, timeout, backoff-ratio. */
    public static Optional<ServerInterceptor> from(Config admission) {
        if (!Required.bool(admission.get("enabled"))) {
            return Optional.empty();
        }
        return Optional.of(new GrpcAdmission(AimdLimit.builder()
                .name("grpc")
                .minLimit(Required.integer(admission.get("min-limit")))
                .initialLimit(Required.integer(admission.get("initial-limit")))
                .maxLimit(Required.integer(admission.get("max-limit")))
                .timeout(Required.duration(admission.get("timeout")))
                .backoffRatio(Required.decimal(admission.get("backoff-ratio")))
                .build()));
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        Optional<LimitAlgorithm.Token> permit = limit.tryAcquire(false);
        if (permit.isEmpty()) {
            call.close(OVERLOADED, new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        Release release = new Release(permit.get());
        ServerCall<Q, A> releasing = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                release.closed();
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener;
        try {
            listener = next.startCall(releasing, headers);
        } catch (RuntimeException e) {
            release.cancelled();
            throw e;
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onCancel() {
                release.cancelled();
                super.onCancel();
            }
        };
    }

    /**
     * The permit goes back once. A call that ended, one past its caller's deadline too ({@link LimitTokens#overran}
     * says why not {@code dropped()}), is a sample of its run time, which shrinks the limit when it was past the
     * limit's timeout; one the caller cancelled says nothing about this service's speed.
     */
    private record Release(LimitAlgorithm.Token token, AtomicBoolean done) {
        Release(LimitAlgorithm.Token token) {
            this(token, new AtomicBoolean());
        }

        void closed() {
            if (done.compareAndSet(false, true)) {
                token.success();
            }
        }

        void cancelled() {
            if (done.compareAndSet(false, true)) {
                token.ignore();
            }
        }
    }
}
