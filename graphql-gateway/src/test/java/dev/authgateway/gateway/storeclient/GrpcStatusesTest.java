package dev.authgateway.gateway.storeclient;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrpcStatusesTest {

    @Test
    void givenInvalidArgumentWithFieldViolations_thenBadUserInputNamingTheFirstField() {
        GatewayException error = GrpcStatuses.toGatewayException(withViolations(Code.INVALID_ARGUMENT,
                "email", "must be a valid email address", "password", "must be 10 to 256 characters long"));

        assertThat(error.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
        assertThat(error.field()).contains("email");
        assertThat(error.getMessage()).isEqualTo(
                "email must be a valid email address; password must be 10 to 256 characters long");
    }

    @Test
    void givenAlreadyExists_thenConflictOnTheField() {
        GatewayException error = GrpcStatuses.toGatewayException(
                withViolations(Code.ALREADY_EXISTS, "username", "is already taken"));

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
                .asRuntimeException()).getMessage()).isEqualTo("internal error");
    }

    @Test
    void givenNotFoundForTheCallersOwnUser_thenUnauthenticated() {
        assertThat(GrpcStatuses.forCaller(Status.NOT_FOUND.asRuntimeException()).code())
                .isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(GrpcStatuses.forCaller(Status.UNAVAILABLE.asRuntimeException()).code())
                .isEqualTo(ErrorCode.UNAVAILABLE);
    }

    private static ErrorCode map(Status status) {
        return GrpcStatuses.toGatewayException(status.asRuntimeException()).code();
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
