package dev.authgateway.store.grpc;

import java.util.List;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.authgateway.store.domain.ChallengeNotValidException;
import dev.authgateway.store.domain.DuplicatePasskeyException;
import dev.authgateway.store.domain.DuplicateUserException;
import dev.authgateway.store.domain.FieldViolation;
import dev.authgateway.store.domain.InvalidCredentialsException;
import dev.authgateway.store.domain.InvalidCodeException;
import dev.authgateway.store.domain.InvalidInputException;
import dev.authgateway.store.domain.InvalidTokenException;
import dev.authgateway.store.domain.MailRateLimitedException;
import dev.authgateway.store.domain.PasskeyNotAcceptedException;
import dev.authgateway.store.domain.PasskeyRequestNotValidException;
import dev.authgateway.store.domain.PasskeyStateException;
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
    /** ErrorInfo of the account_mail.proto failures: domain and reasons. */
    static final String ERROR_DOMAIN = "authgateway.user.v1";
    static final String INVALID_TOKEN = "INVALID_TOKEN";
    static final String MAIL_RATE_LIMITED = "MAIL_RATE_LIMITED";

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
            case InvalidTokenException invalid -> withDetails(Code.UNAUTHENTICATED, "invalid or expired token",
                    Any.pack(errorInfo(INVALID_TOKEN)));
            case MailRateLimitedException limited -> withDetails(Code.RESOURCE_EXHAUSTED, "too many messages",
                    Any.pack(errorInfo(MAIL_RATE_LIMITED)), Any.pack(RetryInfo.newBuilder()
                            .setRetryDelay(Duration.newBuilder().setSeconds(limited.retryAfter().toSeconds()))
                            .build()));
            case InvalidCodeException invalid -> status(Code.UNAUTHENTICATED, "invalid code");
            case ChallengeNotValidException invalid -> status(Code.NOT_FOUND, invalid.getMessage());
            case SecondFactorStateException state -> status(Code.FAILED_PRECONDITION, state.getMessage());
            case PasskeyNotAcceptedException refused -> {
                // Why stays here: a signature counter that went back is the sign of a cloned authenticator.
                LOG.warning("passkey-not-accepted", "Passkey assertion refused: " + refused.getMessage());
                yield status(Code.UNAUTHENTICATED, "passkey not accepted");
            }
            case PasskeyRequestNotValidException invalid -> status(Code.NOT_FOUND, invalid.getMessage());
            case PasskeyStateException state -> status(Code.FAILED_PRECONDITION, state.getMessage());
            case DuplicatePasskeyException duplicate -> badRequest(Code.ALREADY_EXISTS,
                    List.of(new FieldViolation("response", "is a passkey already registered")));
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

    private static ErrorInfo errorInfo(String reason) {
        return ErrorInfo.newBuilder().setDomain(ERROR_DOMAIN).setReason(reason).build();
    }

    private static StatusRuntimeException withDetails(Code code, String message, Any... details) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber()).setMessage(message).addAllDetails(List.of(details)).build());
    }

    private static StatusRuntimeException status(Code code, String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber()).setMessage(message).build());
    }
}
