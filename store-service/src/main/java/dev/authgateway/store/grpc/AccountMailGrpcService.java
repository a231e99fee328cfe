package dev.authgateway.store.grpc;

import java.util.UUID;

import dev.authgateway.proto.user.v1.AccountMailGrpc;
import dev.authgateway.proto.user.v1.ChangePasswordRequest;
import dev.authgateway.proto.user.v1.GetEmailStatusRequest;
import dev.authgateway.proto.user.v1.GetEmailStatusResponse;
import dev.authgateway.proto.user.v1.PasswordChangedResponse;
import dev.authgateway.proto.user.v1.RequestPasswordResetRequest;
import dev.authgateway.proto.user.v1.RequestPasswordResetResponse;
import dev.authgateway.proto.user.v1.ResendVerificationRequest;
import dev.authgateway.proto.user.v1.ResendVerificationResponse;
import dev.authgateway.proto.user.v1.ResetPasswordRequest;
import dev.authgateway.proto.user.v1.VerifyEmailRequest;
import dev.authgateway.proto.user.v1.VerifyEmailResponse;
import dev.authgateway.store.domain.AccountMail;
import io.grpc.stub.StreamObserver;

import static dev.authgateway.store.grpc.StoreCalls.answer;
import static dev.authgateway.store.grpc.StoreCalls.uuid;

/** The AccountMail contract (account_mail.proto) over the store's mail use cases. */
public final class AccountMailGrpcService extends AccountMailGrpc.AccountMailImplBase {

    private final AccountMail mail;

    public AccountMailGrpcService(AccountMail mail) {
        this.mail = mail;
    }

    @Override
    public void getEmailStatus(GetEmailStatusRequest request, StreamObserver<GetEmailStatusResponse> response) {
        answer(response, () -> GetEmailStatusResponse.newBuilder()
                .setVerified(mail.emailVerified(uuid(request.getUserId()))).build());
    }

    @Override
    public void resendVerification(ResendVerificationRequest request,
                                   StreamObserver<ResendVerificationResponse> response) {
        answer(response, () -> ResendVerificationResponse.newBuilder()
                .setAlreadyVerified(!mail.resendVerification(uuid(request.getUserId()))).build());
    }

    @Override
    public void verifyEmail(VerifyEmailRequest request, StreamObserver<VerifyEmailResponse> response) {
        answer(response, () -> VerifyEmailResponse.newBuilder()
                .setUserId(mail.verifyEmail(request.getToken()).toString()).build());
    }

    @Override
    public void requestPasswordReset(RequestPasswordResetRequest request,
                                     StreamObserver<RequestPasswordResetResponse> response) {
        answer(response, () -> {
            mail.requestPasswordReset(request.getEmail());
            return RequestPasswordResetResponse.getDefaultInstance();
        });
    }

    @Override
    public void resetPassword(ResetPasswordRequest request, StreamObserver<PasswordChangedResponse> response) {
        answer(response, () -> toProto(mail.resetPassword(request.getToken(), request.getNewPassword())));
    }

    @Override
    public void changePassword(ChangePasswordRequest request, StreamObserver<PasswordChangedResponse> response) {
        answer(response, () -> toProto(mail.changePassword(uuid(request.getUserId()), uuid(request.getSessionId()),
                request.getCurrentPassword(), request.getNewPassword())));
    }

    private static PasswordChangedResponse toProto(AccountMail.PasswordReplaced replaced) {
        return PasswordChangedResponse.newBuilder()
                .setUserId(replaced.userId().toString())
                .addAllEndedSessionIds(replaced.endedSessions().stream().map(UUID::toString).toList())
                .build();
    }
}
