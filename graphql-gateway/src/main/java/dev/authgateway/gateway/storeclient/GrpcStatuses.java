package dev.authgateway.gateway.storeclient;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.support.observe.RateLimitedLog;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** The one place where gRPC statuses from the services become the gateway's error codes. */
final class GrpcStatuses {

    private static final RateLimitedLog LOG = RateLimitedLog.of(GrpcStatuses.class);
    static final String UNAVAILABLE_MESSAGE = "a backing service is unavailable; retry later";

    private GrpcStatuses() {
    }

    /** For calls about the caller's own user, where NOT_FOUND means the token's user no longer exists. */
    static GatewayException forCaller(StatusRuntimeException e) {
        if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND
                || e.getStatus().getCode() == io.grpc.Status.Code.INVALID_ARGUMENT) {
            return new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired token");
        }
        return toGatewayException(e);
    }

    static GatewayException toGatewayException(StatusRuntimeException e) {
        return switch (e.getStatus().getCode()) {
            case INVALID_ARGUMENT -> fieldError(ErrorCode.BAD_USER_INPUT, e, "invalid input");
            case ALREADY_EXISTS -> fieldError(ErrorCode.CONFLICT, e, "already taken");
            case UNAUTHENTICATED -> new GatewayException(ErrorCode.INVALID_CREDENTIALS, "invalid login or password");
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, RESOURCE_EXHAUSTED -> {
                LOG.dependency("backing-service-failed", "Backing service failed", e);
                yield new GatewayException(ErrorCode.UNAVAILABLE, UNAVAILABLE_MESSAGE);
            }
            default -> {
                LOG.fault("unexpected-status", "Unexpected status from a backing service", e);
                yield new GatewayException(ErrorCode.INTERNAL, "internal error");
            }
        };
    }

    /** The first field violation of the status's BadRequest details: its field, and "field message" as text. */
    private static GatewayException fieldError(ErrorCode code, StatusRuntimeException e, String fallback) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status != null) {
            for (Any detail : status.getDetailsList()) {
                if (detail.is(BadRequest.class)) {
                    try {
                        BadRequest badRequest = detail.unpack(BadRequest.class);
                        if (badRequest.getFieldViolationsCount() > 0) {
                            BadRequest.FieldViolation first = badRequest.getFieldViolations(0);
                            return new GatewayException(code, describe(badRequest), first.getField());
                        }
                    } catch (InvalidProtocolBufferException ignored) {
                        // fall through to the plain description
                    }
                }
            }
        }
        String description = e.getStatus().getDescription();
        return new GatewayException(code, description == null ? fallback : description);
    }

    private static String describe(BadRequest badRequest) {
        return String.join("; ", badRequest.getFieldViolationsList().stream()
                .map(violation -> violation.getField() + " " + violation.getDescription())
                .toList());
    }
}
