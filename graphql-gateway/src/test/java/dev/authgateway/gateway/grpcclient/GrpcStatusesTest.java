package dev.authgateway.gateway.grpcclient;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.gateway.grpcclient.GrpcStatuses.Asked;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one map from gRPC statuses to the gateway's codes, the readings particular to what was asked included. */
class GrpcStatusesTest {

    @Test
    void givenInvalidArgumentWithFieldViolations_thenBadUserInputNamingTheFirstField() {
        GatewayException error = GrpcStatuses.toGatewayException(withViolations(Code.INVALID_ARGUMENT,
                "email", "must be a valid email address", "password", "must be 10 to 256 characters long"), Asked.ACCOUNT);

        assertThat(error.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
        assertThat(error.field()).contains("email");
        assertThat(error.getMessage()).isEqualTo(
                "email must be a valid email address; password must be 10 to 256 characters long");
    }

    @Test
    void givenAlreadyExists_thenConflictOnTheField() {
        GatewayException error = GrpcStatuses.toGatewayException(
                withViolations(Code.ALREADY_EXISTS, "username", "is already taken"), Asked.ACCOUNT);

        assertThat(error.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(error.field()).contains("username");
        assertThat(error.getMessage()).isEqualTo("username is already taken");
    }

    @Test
    void givenEachOtherStatus_thenItsCodeAndNoInternalDetail() {
        assertThat(map(Status.UNAUTHENTICATED)).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(map(Status.UNAVAILABLE)).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(map(Status.DEADLINE_EXCEEDED)).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(map(Status.INTERNAL.withDescription("NullPointerException at Foo.java:12")))
                .isEqualTo(ErrorCode.INTERNAL);
        assertThat(GrpcStatuses.toGatewayException(Status.INTERNAL.withDescription("NullPointerException")
                .asRuntimeException(), Asked.ACCOUNT).getMessage()).isEqualTo("internal error");
        assertThat(GrpcStatuses.toGatewayException(Status.UNAVAILABLE.withDescription("user store unavailable")
                .asRuntimeException(), Asked.ACCOUNT).getMessage()).isEqualTo(GrpcStatuses.UNAVAILABLE_MESSAGE);
    }

    @Test
    void givenAnInvalidTokenErrorInfo_thenInvalidTokenAndWithoutItInvalidCredentials() {
        StatusRuntimeException token = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAUTHENTICATED.getNumber()).setMessage("invalid or expired token")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain("authgateway.user.v1")
                        .setReason("INVALID_TOKEN").build())).build());

        assertThat(GrpcStatuses.toGatewayException(token, Asked.ACCOUNT).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
        assertThat(map(Status.UNAUTHENTICATED, Asked.TOKEN_USER_PROFILE)).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void givenTheMailLimit_thenRateLimitedWithTheStoresRetryDelay() {
        StatusRuntimeException limited = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.RESOURCE_EXHAUSTED.getNumber()).setMessage("too many messages")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain("authgateway.user.v1")
                        .setReason("MAIL_RATE_LIMITED").build()))
                .addDetails(Any.pack(com.google.rpc.RetryInfo.newBuilder().setRetryDelay(
                        com.google.protobuf.Duration.newBuilder().setSeconds(1234)).build())).build());

        GatewayException error = GrpcStatuses.toGatewayException(limited, Asked.ACCOUNT);

        assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(error.retryAfter()).contains(java.time.Duration.ofSeconds(1234));
        assertThat(map(Status.RESOURCE_EXHAUSTED)).as("any other exhaustion").isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void givenSecondFactorStatuses_thenAWrongCodeIsInvalidCredentials_andAGoneChallengeUnauthenticated() {
        assertThat(map(Status.UNAUTHENTICATED, Asked.CHALLENGE)).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(map(Status.UNAUTHENTICATED, Asked.SECOND_FACTOR)).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(map(Status.NOT_FOUND, Asked.CHALLENGE)).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(GrpcStatuses.toGatewayException(Status.NOT_FOUND.withDescription("challenge unknown")
                .asRuntimeException(), Asked.CHALLENGE).getMessage()).isEqualTo(GrpcStatuses.CHALLENGE_INVALID_MESSAGE);
        assertThat(map(Status.NOT_FOUND, Asked.SECOND_FACTOR)).as("the token's user is gone")
                .isEqualTo(ErrorCode.UNAUTHENTICATED);
        GatewayException state = GrpcStatuses.toGatewayException(Status.FAILED_PRECONDITION
                .withDescription("a second factor is already enabled; disable it first").asRuntimeException(),
                Asked.SECOND_FACTOR);
        assertThat(state.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(state.getMessage()).isEqualTo("a second factor is already enabled; disable it first");
        assertThat(map(Status.UNAVAILABLE, Asked.CHALLENGE)).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(map(Status.INTERNAL, Asked.SECOND_FACTOR)).isEqualTo(ErrorCode.INTERNAL);
    }

    @Test
    void givenPasskeyStatuses_thenARefusedAssertionIsInvalidCredentials_andAGoneRequestUnauthenticated() {
        GatewayException refused = GrpcStatuses.toGatewayException(Status.UNAUTHENTICATED
                .withDescription("passkey not accepted").asRuntimeException(), Asked.PASSKEY_LOGIN);
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(refused.getMessage()).isEqualTo(GrpcStatuses.PASSKEY_NOT_ACCEPTED_MESSAGE);
        GatewayException gone = GrpcStatuses.toGatewayException(Status.NOT_FOUND.asRuntimeException(),
                Asked.PASSKEY_LOGIN);
        assertThat(gone.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(gone.getMessage()).isEqualTo(GrpcStatuses.PASSKEY_REQUEST_INVALID_MESSAGE);
        GatewayException malformed = GrpcStatuses.toGatewayException(withViolations(Code.INVALID_ARGUMENT,
                "response", "must be the browser's assertion (AuthenticationResponseJSON)"), Asked.PASSKEY_LOGIN);
        assertThat(malformed.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
        assertThat(malformed.field()).contains("response");

        assertThat(map(Status.NOT_FOUND, Asked.PASSKEY)).as("the token's user is gone")
                .isEqualTo(ErrorCode.UNAUTHENTICATED);
        GatewayException notPending = GrpcStatuses.toGatewayException(Status.FAILED_PRECONDITION
                .withDescription("no passkey registration is pending").asRuntimeException(), Asked.PASSKEY);
        assertThat(notPending.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(notPending.getMessage()).isEqualTo("no passkey registration is pending");
        assertThat(GrpcStatuses.toGatewayException(withViolations(Code.ALREADY_EXISTS, "response",
                "is a passkey already registered"), Asked.PASSKEY).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(map(Status.UNAVAILABLE, Asked.PASSKEY_LOGIN)).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void givenNotFoundOrARefusedIdForTheTokensOwnUser_thenUnauthenticated() {
        assertThat(map(Status.NOT_FOUND, Asked.TOKEN_USER)).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(map(Status.INVALID_ARGUMENT, Asked.TOKEN_USER)).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(map(Status.UNAVAILABLE, Asked.TOKEN_USER)).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void givenAProfileWrite_thenNotFoundIsUnauthenticatedAndARefusedNameIsTheInputsFault() {
        assertThat(map(Status.NOT_FOUND, Asked.TOKEN_USER_PROFILE)).isEqualTo(ErrorCode.UNAUTHENTICATED);
        GatewayException refused = GrpcStatuses.toGatewayException(
                withViolations(Code.INVALID_ARGUMENT, "displayName", "must be 1 to 64 characters"),
                Asked.TOKEN_USER_PROFILE);

        assertThat(refused.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
        assertThat(refused.field()).contains("displayName");
    }

    @Test
    void givenUnauthenticatedForARefreshToken_thenUnauthenticatedNotInvalidCredentials() {
        GatewayException error = GrpcStatuses.toGatewayException(Status.UNAUTHENTICATED.asRuntimeException(),
                Asked.REFRESH_TOKEN);

        assertThat(error.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(error.getMessage()).isEqualTo("invalid or expired refresh token");
        assertThat(map(Status.NOT_FOUND, Asked.REFRESH_TOKEN)).isEqualTo(ErrorCode.INTERNAL);
    }

    @Test
    void givenUnavailableWithCacheNotInvalidated_thenUnavailableSayingTheProfileWasSaved() {
        GatewayException error = GrpcStatuses.toGatewayException(
                withErrorInfo(GrpcStatuses.ERROR_DOMAIN, GrpcStatuses.CACHE_NOT_INVALIDATED), Asked.TOKEN_USER_PROFILE);

        assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(error.getMessage()).isEqualTo("profile saved but the cache could not be refreshed; retry");
    }

    @Test
    void givenUnavailableWithAnotherErrorInfo_thenTheGeneralUnavailable() {
        GatewayException error = GrpcStatuses.toGatewayException(
                withErrorInfo("example.com", GrpcStatuses.CACHE_NOT_INVALIDATED), Asked.TOKEN_USER_PROFILE);

        assertThat(error.getMessage()).isEqualTo(GrpcStatuses.UNAVAILABLE_MESSAGE);
    }

    @Test
    void givenAReauthentication_thenAWrongPasswordAndAWrongCodeAreInvalidCredentialsNamingTheirField() {
        GatewayException password = GrpcStatuses.toGatewayException(Status.UNAUTHENTICATED
                .withDescription("invalid credentials").asRuntimeException(), Asked.REAUTHENTICATION);
        GatewayException code = GrpcStatuses.toGatewayException(Status.UNAUTHENTICATED
                .withDescription(GrpcStatuses.INVALID_CODE_MESSAGE).asRuntimeException(), Asked.REAUTHENTICATION);

        assertThat(password.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(password.field()).contains("currentPassword");
        assertThat(code.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(code.field()).contains("code");
        assertThat(map(Status.NOT_FOUND, Asked.REAUTHENTICATION)).as("the token's user is gone")
                .isEqualTo(ErrorCode.UNAUTHENTICATED);
        GatewayException taken = GrpcStatuses.toGatewayException(withViolations(Code.ALREADY_EXISTS,
                "newEmail", "is already taken"), Asked.REAUTHENTICATION);
        assertThat(taken.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(taken.field()).contains("newEmail");
    }

    private static ErrorCode map(Status status) {
        return map(status, Asked.ACCOUNT);
    }

    private static ErrorCode map(Status status, Asked asked) {
        return GrpcStatuses.toGatewayException(status.asRuntimeException(), asked).code();
    }

    private static StatusRuntimeException withErrorInfo(String domain, String reason) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAVAILABLE.getNumber()).setMessage("anything")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(domain).setReason(reason).build())).build());
    }

    private static StatusRuntimeException withViolations(Code code, String... fieldsAndMessages) {
        BadRequest.Builder details = BadRequest.newBuilder();
        for (int i = 0; i < fieldsAndMessages.length; i += 2) {
            details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(fieldsAndMessages[i]).setDescription(fieldsAndMessages[i + 1]));
        }
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber()).setMessage("ignored").addDetails(Any.pack(details.build())).build());
    }
}
