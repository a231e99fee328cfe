package dev.authgateway.store.grpc;

import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import dev.authgateway.proto.passkey.v1.FinishLoginRequest;
import dev.authgateway.proto.passkey.v1.FinishLoginResponse;
import dev.authgateway.proto.passkey.v1.FinishRegistrationRequest;
import dev.authgateway.proto.passkey.v1.FinishRegistrationResponse;
import dev.authgateway.proto.passkey.v1.ListPasskeysRequest;
import dev.authgateway.proto.passkey.v1.ListPasskeysResponse;
import dev.authgateway.proto.passkey.v1.PasskeysGrpc;
import dev.authgateway.proto.passkey.v1.RemovePasskeyRequest;
import dev.authgateway.proto.passkey.v1.RemovePasskeyResponse;
import dev.authgateway.proto.passkey.v1.StartLoginRequest;
import dev.authgateway.proto.passkey.v1.StartLoginResponse;
import dev.authgateway.proto.passkey.v1.StartRegistrationRequest;
import dev.authgateway.proto.passkey.v1.StartRegistrationResponse;
import dev.authgateway.store.domain.Passkey;
import dev.authgateway.store.domain.Passkeys;
import io.grpc.stub.StreamObserver;

import static dev.authgateway.store.grpc.StoreCalls.answer;
import static dev.authgateway.store.grpc.StoreCalls.userId;

/** The Passkeys contract (passkeys.proto) over the store's use cases. */
public final class PasskeysGrpcService extends PasskeysGrpc.PasskeysImplBase {

    private final Passkeys passkeys;

    public PasskeysGrpcService(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @Override
    public void startRegistration(StartRegistrationRequest request,
                                  StreamObserver<StartRegistrationResponse> response) {
        answer(response, () -> {
            Passkeys.Options options = passkeys.startRegistration(userId(request.getUserId()));
            return StartRegistrationResponse.newBuilder().setOptionsJson(options.optionsJson())
                    .setExpiresAt(timestamp(options.expiresAt())).build();
        });
    }

    @Override
    public void finishRegistration(FinishRegistrationRequest request,
                                   StreamObserver<FinishRegistrationResponse> response) {
        answer(response, () -> FinishRegistrationResponse.newBuilder()
                .setPasskey(proto(passkeys.finishRegistration(userId(request.getUserId()), request.getResponseJson(),
                        request.getName())))
                .build());
    }

    @Override
    public void listPasskeys(ListPasskeysRequest request, StreamObserver<ListPasskeysResponse> response) {
        answer(response, () -> ListPasskeysResponse.newBuilder()
                .addAllPasskeys(passkeys.list(userId(request.getUserId())).stream()
                        .map(PasskeysGrpcService::proto).toList())
                .build());
    }

    @Override
    public void removePasskey(RemovePasskeyRequest request, StreamObserver<RemovePasskeyResponse> response) {
        answer(response, () -> {
            UUID userId = userId(request.getUserId());
            UUID passkeyId;
            try {
                passkeyId = UUID.fromString(request.getPasskeyId());
            } catch (IllegalArgumentException e) {
                throw StoreStatuses.invalidId();
            }
            return RemovePasskeyResponse.newBuilder().setRemoved(passkeys.remove(userId, passkeyId)).build();
        });
    }

    @Override
    public void startLogin(StartLoginRequest request, StreamObserver<StartLoginResponse> response) {
        answer(response, () -> {
            Passkeys.Options options = passkeys.startLogin(request.getLogin());
            return StartLoginResponse.newBuilder().setRequestId(options.requestId())
                    .setOptionsJson(options.optionsJson()).setExpiresAt(timestamp(options.expiresAt())).build();
        });
    }

    @Override
    public void finishLogin(FinishLoginRequest request, StreamObserver<FinishLoginResponse> response) {
        answer(response, () -> {
            Passkeys.LoggedIn loggedIn = passkeys.finishLogin(request.getRequestId(), request.getResponseJson());
            return FinishLoginResponse.newBuilder().setUserId(loggedIn.userId().toString())
                    .setPasskeyId(loggedIn.passkeyId().toString()).build();
        });
    }

    private static dev.authgateway.proto.passkey.v1.Passkey proto(Passkey passkey) {
        var builder = dev.authgateway.proto.passkey.v1.Passkey.newBuilder()
                .setId(passkey.id().toString())
                .setName(passkey.name())
                .setCreatedAt(timestamp(passkey.createdAt()));
        if (passkey.lastUsedAt() != null) {
            builder.setLastUsedAt(timestamp(passkey.lastUsedAt()));
        }
        return builder.build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
