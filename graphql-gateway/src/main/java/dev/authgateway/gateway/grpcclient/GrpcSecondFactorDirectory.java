package dev.authgateway.gateway.grpcclient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.authgateway.gateway.domain.SecondFactorChallenge;
import dev.authgateway.gateway.domain.SecondFactorDirectory;
import dev.authgateway.gateway.grpcclient.GrpcStatuses.Asked;
import dev.authgateway.proto.secondfactor.v1.ConfirmEnrolmentRequest;
import dev.authgateway.proto.secondfactor.v1.DisableRequest;
import dev.authgateway.proto.secondfactor.v1.GetStatusRequest;
import dev.authgateway.proto.secondfactor.v1.ResolveChallengeRequest;
import dev.authgateway.proto.secondfactor.v1.SecondFactorsGrpc;
import dev.authgateway.proto.secondfactor.v1.StartChallengeRequest;
import dev.authgateway.proto.secondfactor.v1.StartChallengeResponse;
import dev.authgateway.proto.secondfactor.v1.StartEnrolmentRequest;
import dev.authgateway.proto.secondfactor.v1.VerifyChallengeRequest;
import dev.authgateway.proto.secondfactor.v1.VerifyChallengeResponse;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;

/**
 * Second factors at the store-service ({@code SecondFactors} in second_factors.proto), on the store's channel with the
 * store's deadline. Failures become the gateway's codes in {@link GrpcStatuses} only.
 */
public final class GrpcSecondFactorDirectory implements SecondFactorDirectory {

    private final SecondFactorsGrpc.SecondFactorsBlockingStub store;
    private final CallDeadline deadline;

    public GrpcSecondFactorDirectory(Channel storeChannel, CallDeadline deadline) {
        this.store = SecondFactorsGrpc.newBlockingStub(storeChannel);
        this.deadline = deadline;
    }

    @Override
    public boolean enabled(String userId) {
        return call(Asked.SECOND_FACTOR, () -> deadline.on(store).getStatus(GetStatusRequest.newBuilder()
                .setUserId(userId).build()).getEnabled());
    }

    @Override
    public String startEnrolment(String userId) {
        return call(Asked.SECOND_FACTOR, () -> deadline.on(store).startEnrolment(StartEnrolmentRequest.newBuilder()
                .setUserId(userId).build()).getOtpauthUri());
    }

    @Override
    public List<String> confirmEnrolment(String userId, String code) {
        return call(Asked.SECOND_FACTOR, () -> deadline.on(store).confirmEnrolment(ConfirmEnrolmentRequest.newBuilder()
                .setUserId(userId).setCode(code).build()).getRecoveryCodesList());
    }

    @Override
    public boolean disable(String userId, String code) {
        return call(Asked.SECOND_FACTOR, () -> deadline.on(store).disable(DisableRequest.newBuilder()
                .setUserId(userId).setCode(code).build()).getRecoveryCodeUsed());
    }

    @Override
    public Optional<SecondFactorChallenge> startChallenge(String userId) {
        StartChallengeResponse response = call(Asked.SECOND_FACTOR, () -> deadline.on(store).startChallenge(
                StartChallengeRequest.newBuilder().setUserId(userId).build()));
        if (response.getChallenge().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SecondFactorChallenge(response.getChallenge(),
                Instant.ofEpochSecond(response.getExpiresAt().getSeconds(), response.getExpiresAt().getNanos())));
    }

    @Override
    public String resolveChallenge(String challenge) {
        return call(Asked.CHALLENGE, () -> deadline.on(store).resolveChallenge(ResolveChallengeRequest.newBuilder()
                .setChallenge(challenge).build()).getUserId());
    }

    @Override
    public VerifiedCode verifyChallenge(String challenge, String code) {
        VerifyChallengeResponse response = call(Asked.CHALLENGE, () -> deadline.on(store).verifyChallenge(
                VerifyChallengeRequest.newBuilder().setChallenge(challenge).setCode(code).build()));
        return new VerifiedCode(response.getUserId(), response.getRecoveryCodeUsed(),
                response.getRecoveryCodesLeft());
    }

    private static <T> T call(Asked asked, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, asked);
        }
    }
}
