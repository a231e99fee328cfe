package dev.authgateway.gateway.grpcclient;

import java.time.Duration;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.support.observe.RateLimitedLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * The one map from a gRPC {@code Status} of either service (the codes are listed in user.proto) to the gateway's
 * {@link ErrorCode}. A few statuses mean something particular to what was asked ({@link Asked}); every such reading
 * is here, above the general one.
 */
final class GrpcStatuses {

    private static final RateLimitedLog LOG = RateLimitedLog.of(GrpcStatuses.class);
    static final String UNAVAILABLE_MESSAGE = "a backing service is unavailable; retry later";
    static final String INVALID_CODE_MESSAGE = "invalid code";
    static final String CHALLENGE_INVALID_MESSAGE = "the challenge is unknown, expired or used; log in again";
    static final String PASSKEY_REQUEST_INVALID_MESSAGE =
            "the passkey login request is unknown, expired or used; start the passkey login again";
    static final String PASSKEY_NOT_ACCEPTED_MESSAGE = "the passkey was not accepted";
    static final String PROFILE_SAVED_MESSAGE = "profile saved but the cache could not be refreshed; retry";
    /** The ErrorInfo of UserCache.UpdateProfile when the write was saved but the old copy may still be read. */
    static final String ERROR_DOMAIN = "authgateway.user.v1";
    static final String CACHE_NOT_INVALIDATED = "CACHE_NOT_INVALIDATED";
    /** account_mail.proto's ErrorInfo reasons: a mailed token that does not work, and the mail limit. */
    static final String INVALID_TOKEN = "INVALID_TOKEN";
    static final String MAIL_RATE_LIMITED = "MAIL_RATE_LIMITED";

    /** What a call was about, where that changes what a status means. */
    enum Asked {
        /** Signup, login: the general reading. */
        ACCOUNT,
        /** The bearer token's own user: NOT_FOUND, or an id refused as INVALID_ARGUMENT, means the token is no good. */
        TOKEN_USER,
        /** A write of the token's user's profile: NOT_FOUND means the token is no good; INVALID_ARGUMENT is the input's. */
        TOKEN_USER_PROFILE,
        /** A refresh token: UNAUTHENTICATED means it is unknown, expired or ended (not a wrong password). */
        REFRESH_TOKEN,
        /**
         * The token's user's second factor: NOT_FOUND means the token is no good; FAILED_PRECONDITION that the factor
         * is not in the state asked for (CONFLICT, the store's words); UNAUTHENTICATED a wrong or reused code.
         */
        SECOND_FACTOR,
        /** A login challenge: NOT_FOUND means unknown, expired, spent or burnt (log in again); UNAUTHENTICATED a wrong code. */
        CHALLENGE,
        /**
         * A grave change of the token's user that re-authenticates (deleteAccount, requestEmailChange): NOT_FOUND means
         * the token is no good; UNAUTHENTICATED a wrong current password or, described "invalid code", a wrong or
         * missing second-factor code; INVALID_ARGUMENT is the input's.
         */
        REAUTHENTICATION,
        /**
         * The token's user's passkeys: NOT_FOUND means the token is no good; FAILED_PRECONDITION that no registration
         * is pending for the answer (CONFLICT, the store's words).
         */
        PASSKEY,
        /** A passkey login: NOT_FOUND means the request is unknown, expired or used; UNAUTHENTICATED a refused assertion. */
        PASSKEY_LOGIN
    }

    private GrpcStatuses() {
    }

    static GatewayException toGatewayException(StatusRuntimeException e, Asked asked) {
        return particular(e, asked).orElseGet(() -> general(e));
    }

    private static Optional<GatewayException> particular(StatusRuntimeException e, Asked asked) {
        Status.Code code = e.getStatus().getCode();
        boolean tokenUserGone = switch (asked) {
            case TOKEN_USER -> code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT;
            case TOKEN_USER_PROFILE, SECOND_FACTOR, REAUTHENTICATION, PASSKEY -> code == Status.Code.NOT_FOUND;
            case ACCOUNT, REFRESH_TOKEN, CHALLENGE, PASSKEY_LOGIN -> false;
        };
        if (tokenUserGone) {
            return Optional.of(new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired token"));
        }
        if ((asked == Asked.SECOND_FACTOR || asked == Asked.CHALLENGE) && code == Status.Code.UNAUTHENTICATED) {
            return Optional.of(new GatewayException(ErrorCode.INVALID_CREDENTIALS, INVALID_CODE_MESSAGE));
        }
        if (asked == Asked.REAUTHENTICATION && code == Status.Code.UNAUTHENTICATED) {
            return Optional.of(INVALID_CODE_MESSAGE.equals(e.getStatus().getDescription())
                    ? new GatewayException(ErrorCode.INVALID_CREDENTIALS,
                            "a current code from the authenticator app (or a recovery code) is required", "code")
                    : new GatewayException(ErrorCode.INVALID_CREDENTIALS, "the current password is wrong",
                            "currentPassword"));
        }
        if (asked == Asked.SECOND_FACTOR && code == Status.Code.FAILED_PRECONDITION) {
            String description = e.getStatus().getDescription();
            return Optional.of(new GatewayException(ErrorCode.CONFLICT,
                    description == null ? "the second factor is not in that state" : description));
        }
        if (asked == Asked.PASSKEY && code == Status.Code.FAILED_PRECONDITION) {
            String description = e.getStatus().getDescription();
            return Optional.of(new GatewayException(ErrorCode.CONFLICT,
                    description == null ? "no passkey registration is pending; start again" : description));
        }
        if (asked == Asked.PASSKEY_LOGIN && code == Status.Code.NOT_FOUND) {
            return Optional.of(new GatewayException(ErrorCode.UNAUTHENTICATED, PASSKEY_REQUEST_INVALID_MESSAGE));
        }
        if (asked == Asked.PASSKEY_LOGIN && code == Status.Code.UNAUTHENTICATED) {
            return Optional.of(new GatewayException(ErrorCode.INVALID_CREDENTIALS, PASSKEY_NOT_ACCEPTED_MESSAGE));
        }
        if (asked == Asked.CHALLENGE && code == Status.Code.NOT_FOUND) {
            return Optional.of(new GatewayException(ErrorCode.UNAUTHENTICATED, CHALLENGE_INVALID_MESSAGE));
        }
        if (asked == Asked.REFRESH_TOKEN && code == Status.Code.UNAUTHENTICATED) {
            return Optional.of(new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired refresh token"));
        }
        Optional<String> reason = detail(e, ErrorInfo.class).filter(info -> ERROR_DOMAIN.equals(info.getDomain()))
                .map(ErrorInfo::getReason);
        if (code == Status.Code.UNAUTHENTICATED && reason.filter(INVALID_TOKEN::equals).isPresent()) {
            return Optional.of(new GatewayException(ErrorCode.INVALID_TOKEN, "invalid or expired token", "token"));
        }
        if (code == Status.Code.RESOURCE_EXHAUSTED && reason.filter(MAIL_RATE_LIMITED::equals).isPresent()) {
            Duration retryAfter = detail(e, RetryInfo.class)
                    .map(info -> Duration.ofSeconds(info.getRetryDelay().getSeconds()))
                    .filter(delay -> delay.isPositive()).orElse(Duration.ofMinutes(1));
            return Optional.of(GatewayException.rateLimited("too many messages to this address or account; retry "
                    + "later", retryAfter));
        }
        if (code == Status.Code.UNAVAILABLE && detail(e, ErrorInfo.class)
                .filter(info -> ERROR_DOMAIN.equals(info.getDomain()) && CACHE_NOT_INVALIDATED.equals(info.getReason()))
                .isPresent()) {
            LOG.dependency("profile-saved-cache-stale", "Profile saved but the cache-service could not drop it", e);
            return Optional.of(new GatewayException(ErrorCode.UNAVAILABLE, PROFILE_SAVED_MESSAGE));
        }
        return Optional.empty();
    }

    private static GatewayException general(StatusRuntimeException e) {
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
        Optional<BadRequest> badRequest = detail(e, BadRequest.class).filter(details -> details.getFieldViolationsCount() > 0);
        if (badRequest.isPresent()) {
            return new GatewayException(code, describe(badRequest.get()),
                    badRequest.get().getFieldViolations(0).getField());
        }
        String description = e.getStatus().getDescription();
        return new GatewayException(code, description == null ? fallback : description);
    }

    private static <T extends Message> Optional<T> detail(StatusRuntimeException e, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status != null) {
            for (Any detail : status.getDetailsList()) {
                if (detail.is(type)) {
                    try {
                        return Optional.of(detail.unpack(type));
                    } catch (InvalidProtocolBufferException ignored) {
                        // a detail we cannot read is as good as none
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(BadRequest badRequest) {
        return String.join("; ", badRequest.getFieldViolationsList().stream()
                .map(violation -> violation.getField() + " " + violation.getDescription())
                .toList());
    }
}
