package dev.authgateway.gateway.grpcclient;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.google.protobuf.Timestamp;
import dev.authgateway.gateway.domain.Passkey;
import dev.authgateway.gateway.domain.PasskeyDirectory;
import dev.authgateway.gateway.domain.PasskeyOptions;
import dev.authgateway.gateway.grpcclient.GrpcStatuses.Asked;
import dev.authgateway.proto.passkey.v1.FinishLoginRequest;
import dev.authgateway.proto.passkey.v1.FinishLoginResponse;
import dev.authgateway.proto.passkey.v1.FinishRegistrationRequest;
import dev.authgateway.proto.passkey.v1.ListPasskeysRequest;
import dev.authgateway.proto.passkey.v1.PasskeysGrpc;
import dev.authgateway.proto.passkey.v1.RemovePasskeyRequest;
import dev.authgateway.proto.passkey.v1.StartLoginRequest;
import dev.authgateway.proto.passkey.v1.StartLoginResponse;
import dev.authgateway.proto.passkey.v1.StartRegistrationRequest;
import dev.authgateway.proto.passkey.v1.StartRegistrationResponse;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;

/**
 * Passkeys at the store-service ({@code Passkeys} in passkeys.proto), on the store's channel with the store's
 * deadline. Failures become the gateway's codes in {@link GrpcStatuses} only.
 */
public final class GrpcPasskeyDirectory implements PasskeyDirectory {

    private final PasskeysGrpc.PasskeysBlockingStub store;
    private final CallDeadline deadline;

    public GrpcPasskeyDirectory(Channel storeChannel, CallDeadline deadline) {
        this.store = PasskeysGrpc.newBlockingStub(storeChannel);
        this.deadline = deadline;
    }

    @Override
    public PasskeyOptions startRegistration(String userId) {
        StartRegistrationResponse response = call(Asked.PASSKEY, () -> deadline.on(store).startRegistration(
                StartRegistrationRequest.newBuilder().setUserId(userId).build()));
        return new PasskeyOptions(null, response.getOptionsJson(), instant(response.getExpiresAt()));
    }

    @Override
    public Passkey finishRegistration(String userId, String responseJson, String name) {
        return passkey(call(Asked.PASSKEY, () -> deadline.on(store).finishRegistration(
                FinishRegistrationRequest.newBuilder().setUserId(userId).setResponseJson(responseJson)
                        .setName(name == null ? "" : name).build())).getPasskey());
    }

    @Override
    public List<Passkey> list(String userId) {
        return call(Asked.PASSKEY, () -> deadline.on(store).listPasskeys(ListPasskeysRequest.newBuilder()
                .setUserId(userId).build())).getPasskeysList().stream().map(GrpcPasskeyDirectory::passkey).toList();
    }

    @Override
    public boolean remove(String userId, String passkeyId) {
        return call(Asked.PASSKEY, () -> deadline.on(store).removePasskey(RemovePasskeyRequest.newBuilder()
                .setUserId(userId).setPasskeyId(passkeyId).build())).getRemoved();
    }

    @Override
    public PasskeyOptions startLogin(String login) {
        StartLoginResponse response = call(Asked.PASSKEY_LOGIN, () -> deadline.on(store).startLogin(
                StartLoginRequest.newBuilder().setLogin(login == null ? "" : login).build()));
        return new PasskeyOptions(response.getRequestId(), response.getOptionsJson(),
                instant(response.getExpiresAt()));
    }

    @Override
    public PasskeyLogin finishLogin(String requestId, String responseJson) {
        FinishLoginResponse response = call(Asked.PASSKEY_LOGIN, () -> deadline.on(store).finishLogin(
                FinishLoginRequest.newBuilder().setRequestId(requestId).setResponseJson(responseJson).build()));
        return new PasskeyLogin(response.getUserId(), response.getPasskeyId());
    }

    private static Passkey passkey(dev.authgateway.proto.passkey.v1.Passkey proto) {
        return new Passkey(proto.getId(), proto.getName(), instant(proto.getCreatedAt()),
                proto.hasLastUsedAt() ? instant(proto.getLastUsedAt()) : null);
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static <T> T call(Asked asked, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, asked);
        }
    }
}
