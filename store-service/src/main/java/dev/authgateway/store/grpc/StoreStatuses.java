package dev.authgateway.store.grpc;

import java.util.List;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.authgateway.store.domain.ChallengeNotValidException;
import dev.authgateway.store.domain.DuplicateUserException;
import dev.authgateway.store.domain.FieldViolation;
import dev.authgateway.store.domain.InvalidCredentialsException;
import dev.authgateway.store.domain.InvalidCodeException;
import dev.authgateway.store.domain.InvalidInputException;
import dev.authgateway.store.domain.SecondFactorStateException;
import dev.authgateway.store.domain.SecondFactorsNotConfiguredException;
import dev.authgateway.store.domain.SessionNotValidException;
import dev.authgateway.store.domain.StoreUnavailableException;
import dev.authgateway.store.domain.UserNotFoundException;
import dev.authgateway.support.observe.RateLimitedLog;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * The one place where the store's failures become gRPC statuses. Causes stay in this process's log: a client's bad
 * input is not logged (the access log has its call), PostgreSQL being down is one line, and only a defect of the
 * store's writes a stack trace; the last two within a per-minute budget, so no flood of requests floods the log.
 */
final class StoreStatuses {

    private static final RateLimitedLog LOG = RateLimitedLog.of(StoreStatuses.class);

    private StoreStatuses() {
    }

    static StatusRuntimeException toStatus(RuntimeException failure) {
        return switch (failure) {
            case InvalidInputException invalid -> badRequest(Code.INVALID_ARGUMENT, invalid.violations());
            case DuplicateUserException duplicate -> badRequest(Code.ALREADY_EXISTS,
                    List.of(new FieldViolation(duplicate.field(), "is already taken")));
            case UserNotFoundException notFound -> status(Code.NOT_FOUND, "user not found");
            case InvalidCredentialsException invalid -> status(Code.UNAUTHENTICATED, "invalid credentials");
            case SessionNotValidException invalid -> status(Code.UNAUTHENTICATED, "invalid refresh token");
            case InvalidCodeException invalid -> status(Code.UNAUTHENTICATED, "invalid code");
            case ChallengeNotValidException invalid -> status(Code.NOT_FOUND, invalid.getMessage());
            case SecondFactorStateException state -> status(Code.FAILED_PRECONDITION, state.getMessage());
            case SecondFactorsNotConfiguredException misconfigured -> {
                LOG.fault("second-factor keys", misconfigured.getMessage(), null);
                yield status(Code.INTERNAL, "internal error");
            }
            case StoreUnavailableException unavailable -> {
                LOG.dependency("postgresql unavailable", unavailable.getMessage(), unavailable.getCause());
                yield status(Code.UNAVAILABLE, "user store unavailable");
            }
            default -> {
                LOG.fault("unexpected " + failure.getClass().getName(), "Unexpected failure", failure);
                yield status(Code.INTERNAL, "internal error");
            }
        };
    }

    /** A user id that is not a UUID (SecondFactors), named as the contract names it. */
    static StatusRuntimeException invalidUserId() {
        return badRequest(Code.INVALID_ARGUMENT, List.of(new FieldViolation("user_id", "must be a UUID")));
    }

    static StatusRuntimeException invalidId() {
        return badRequest(Code.INVALID_ARGUMENT, List.of(new FieldViolation("id", "must be a UUID")));
    }

    private static StatusRuntimeException badRequest(Code code, List<FieldViolation> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        violations.forEach(violation -> details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(violation.field())
                .setDescription(violation.message())));
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(String.join("; ", violations.stream().map(FieldViolation::toString).toList()))
                .addDetails(Any.pack(details.build()))
                .build());
    }

    private static StatusRuntimeException status(Code code, String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber()).setMessage(message).build());
    }
}
