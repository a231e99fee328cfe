package dev.authgateway.gateway.grpcclient;

import java.util.function.Supplier;

import dev.authgateway.gateway.domain.AccountMailbox;
import dev.authgateway.gateway.grpcclient.GrpcStatuses.Asked;
import dev.authgateway.proto.user.v1.AccountMailGrpc;
import dev.authgateway.proto.user.v1.ChangePasswordRequest;
import dev.authgateway.proto.user.v1.GetEmailStatusRequest;
import dev.authgateway.proto.user.v1.PasswordChangedResponse;
import dev.authgateway.proto.user.v1.RequestPasswordResetRequest;
import dev.authgateway.proto.user.v1.ResendVerificationRequest;
import dev.authgateway.proto.user.v1.ResetPasswordRequest;
import dev.authgateway.proto.user.v1.VerifyEmailRequest;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;

/**
 * The store-service's AccountMail over gRPC (account_mail.proto), on the store's channel. Password reset and change
 * wait for an Argon2id hash: the credential deadline. Failures become the gateway's codes in {@link GrpcStatuses}.
 */
public final class GrpcAccountMailbox implements AccountMailbox {

    private final AccountMailGrpc.AccountMailBlockingStub store;
    private final CallDeadline deadline;
    private final CallDeadline credentialDeadline;

    public GrpcAccountMailbox(Channel storeChannel, CallDeadline deadline, CallDeadline credentialDeadline) {
        this.store = AccountMailGrpc.newBlockingStub(storeChannel);
        this.deadline = deadline;
        this.credentialDeadline = credentialDeadline;
    }

    @Override
    public boolean emailVerified(String userId) {
        return call(Asked.TOKEN_USER, () -> deadline.on(store).getEmailStatus(GetEmailStatusRequest.newBuilder()
                .setUserId(userId).build()).getVerified());
    }

    @Override
    public boolean resendVerification(String userId) {
        return call(Asked.TOKEN_USER, () -> !deadline.on(store).resendVerification(ResendVerificationRequest
                .newBuilder().setUserId(userId).build()).getAlreadyVerified());
    }

    @Override
    public String verifyEmail(String token) {
        return call(Asked.ACCOUNT, () -> deadline.on(store).verifyEmail(VerifyEmailRequest.newBuilder()
                .setToken(token).build()).getUserId());
    }

    @Override
    public void requestPasswordReset(String email) {
        call(Asked.ACCOUNT, () -> deadline.on(store).requestPasswordReset(RequestPasswordResetRequest.newBuilder()
                .setEmail(email).build()));
    }

    @Override
    public PasswordReplaced resetPassword(String token, String newPassword) {
        return replaced(call(Asked.ACCOUNT, () -> credentialDeadline.on(store).resetPassword(
                ResetPasswordRequest.newBuilder().setToken(token).setNewPassword(newPassword).build())));
    }

    @Override
    public PasswordReplaced changePassword(String userId, String sessionId, String currentPassword,
                                           String newPassword) {
        return replaced(call(Asked.TOKEN_USER_PROFILE, () -> credentialDeadline.on(store).changePassword(
                ChangePasswordRequest.newBuilder().setUserId(userId).setSessionId(sessionId)
                        .setCurrentPassword(currentPassword).setNewPassword(newPassword).build())));
    }

    private static PasswordReplaced replaced(PasswordChangedResponse response) {
        return new PasswordReplaced(response.getUserId(), response.getEndedSessionIdsList());
    }

    private static <T> T call(Asked asked, Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, asked);
        }
    }
}
