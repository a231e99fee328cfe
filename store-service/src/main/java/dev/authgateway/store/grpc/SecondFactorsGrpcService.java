package dev.authgateway.store.grpc;


import com.google.protobuf.Timestamp;
import dev.authgateway.proto.secondfactor.v1.ConfirmEnrolmentRequest;
import dev.authgateway.proto.secondfactor.v1.ConfirmEnrolmentResponse;
import dev.authgateway.proto.secondfactor.v1.DisableRequest;
import dev.authgateway.proto.secondfactor.v1.DisableResponse;
import dev.authgateway.proto.secondfactor.v1.GetStatusRequest;
import dev.authgateway.proto.secondfactor.v1.GetStatusResponse;
import dev.authgateway.proto.secondfactor.v1.ResolveChallengeRequest;
import dev.authgateway.proto.secondfactor.v1.ResolveChallengeResponse;
import dev.authgateway.proto.secondfactor.v1.SecondFactorsGrpc;
import dev.authgateway.proto.secondfactor.v1.StartChallengeRequest;
import dev.authgateway.proto.secondfactor.v1.StartChallengeResponse;
import dev.authgateway.proto.secondfactor.v1.StartEnrolmentRequest;
import dev.authgateway.proto.secondfactor.v1.StartEnrolmentResponse;
import dev.authgateway.proto.secondfactor.v1.VerifyChallengeRequest;
import dev.authgateway.proto.secondfactor.v1.VerifyChallengeResponse;
import dev.authgateway.store.domain.SecondFactors;
import io.grpc.stub.StreamObserver;

import static dev.authgateway.store.grpc.StoreCalls.answer;
import static dev.authgateway.store.grpc.StoreCalls.userId;

/** The SecondFactors contract (second_factors.proto) over the store's use cases. */
public final class SecondFactorsGrpcService extends SecondFactorsGrpc.SecondFactorsImplBase {

    private final SecondFactors factors;

    public SecondFactorsGrpcService(SecondFactors factors) {
        this.factors = factors;
    }

    @Override
    public void getStatus(GetStatusRequest request, StreamObserver<GetStatusResponse> response) {
        answer(response, () -> GetStatusResponse.newBuilder()
                .setEnabled(factors.enabled(userId(request.getUserId()))).build());
    }

    @Override
    public void startEnrolment(StartEnrolmentRequest request, StreamObserver<StartEnrolmentResponse> response) {
        answer(response, () -> StartEnrolmentResponse.newBuilder()
                .setOtpauthUri(factors.startEnrolment(userId(request.getUserId()))).build());
    }

    @Override
    public void confirmEnrolment(ConfirmEnrolmentRequest request,
                                 StreamObserver<ConfirmEnrolmentResponse> response) {
        answer(response, () -> ConfirmEnrolmentResponse.newBuilder()
                .addAllRecoveryCodes(factors.confirmEnrolment(userId(request.getUserId()), request.getCode()))
                .build());
    }

    @Override
    public void disable(DisableRequest request, StreamObserver<DisableResponse> response) {
        answer(response, () -> DisableResponse.newBuilder()
                .setRecoveryCodeUsed(factors.disable(userId(request.getUserId()), request.getCode())).build());
    }

    @Override
    public void startChallenge(StartChallengeRequest request, StreamObserver<StartChallengeResponse> response) {
        answer(response, () -> factors.startChallenge(userId(request.getUserId()))
                .map(challenge -> StartChallengeResponse.newBuilder()
                        .setChallenge(challenge.token())
                        .setExpiresAt(Timestamp.newBuilder()
                                .setSeconds(challenge.expiresAt().getEpochSecond())
                                .setNanos(challenge.expiresAt().getNano()))
                        .build())
                .orElse(StartChallengeResponse.getDefaultInstance()));
    }

    @Override
    public void resolveChallenge(ResolveChallengeRequest request, StreamObserver<ResolveChallengeResponse> response) {
        answer(response, () -> ResolveChallengeResponse.newBuilder()
                .setUserId(factors.resolveChallenge(request.getChallenge()).toString()).build());
    }

    @Override
    public void verifyChallenge(VerifyChallengeRequest request, StreamObserver<VerifyChallengeResponse> response) {
        answer(response, () -> {
            var verified = factors.verifyChallenge(request.getChallenge(), request.getCode());
            return VerifyChallengeResponse.newBuilder()
                    .setUserId(verified.userId().toString())
                    .setRecoveryCodeUsed(verified.recoveryCodeUsed())
                    .setRecoveryCodesLeft(verified.recoveryCodesLeft())
                    .build();
        });
    }
}
