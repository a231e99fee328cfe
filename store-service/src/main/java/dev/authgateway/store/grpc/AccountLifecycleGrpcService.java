package dev.authgateway.store.grpc;

import java.time.Instant;
import java.util.List;

import com.google.protobuf.Timestamp;
import dev.authgateway.proto.user.v1.AccountLifecycleGrpc;
import dev.authgateway.proto.user.v1.ExportAccountRequest;
import dev.authgateway.proto.user.v1.ExportAccountResponse;
import dev.authgateway.proto.user.v1.ListSessionsRequest;
import dev.authgateway.proto.user.v1.ListSessionsResponse;
import dev.authgateway.proto.user.v1.RequestEmailChangeRequest;
import dev.authgateway.proto.user.v1.RequestEmailChangeResponse;
import dev.authgateway.proto.user.v1.SessionDetails;
import dev.authgateway.store.domain.AccountLifecycle;
import dev.authgateway.store.domain.ExportedAccount;
import io.grpc.stub.StreamObserver;

import static dev.authgateway.store.grpc.StoreCalls.answer;
import static dev.authgateway.store.grpc.StoreCalls.userId;

/** The AccountLifecycle contract (account_lifecycle.proto) over the store's lifecycle use cases. */
public final class AccountLifecycleGrpcService extends AccountLifecycleGrpc.AccountLifecycleImplBase {

    private final AccountLifecycle lifecycle;

    public AccountLifecycleGrpcService(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void listSessions(ListSessionsRequest request, StreamObserver<ListSessionsResponse> response) {
        answer(response, () -> ListSessionsResponse.newBuilder()
                .addAllSessions(toProto(lifecycle.sessions(userId(request.getUserId())))).build());
    }

    @Override
    public void requestEmailChange(RequestEmailChangeRequest request,
                                   StreamObserver<RequestEmailChangeResponse> response) {
        answer(response, () -> {
            lifecycle.requestEmailChange(userId(request.getUserId()), request.getNewEmail(),
                    request.getCurrentPassword());
            return RequestEmailChangeResponse.getDefaultInstance();
        });
    }

    @Override
    public void exportAccount(ExportAccountRequest request, StreamObserver<ExportAccountResponse> response) {
        answer(response, () -> {
            ExportedAccount account = lifecycle.export(userId(request.getUserId()));
            ExportAccountResponse.Builder builder = ExportAccountResponse.newBuilder()
                    .setUser(ProtoUsers.toProto(account.user()))
                    .setUpdatedAt(timestamp(account.updatedAt()))
                    .addAllSessions(toProto(account.sessions()));
            account.emailVerifiedAt().ifPresent(at -> builder.setEmailVerifiedAt(timestamp(at)));
            account.secondFactorEnabledAt().ifPresent(at -> builder.setSecondFactorEnabledAt(timestamp(at)));
            return builder.build();
        });
    }

    static List<SessionDetails> toProto(List<dev.authgateway.store.domain.SessionDetails> sessions) {
        return sessions.stream().map(session -> SessionDetails.newBuilder()
                .setSessionId(session.sessionId().toString())
                .setUserAgent(session.userAgent())
                .setClientAddress(session.clientAddress())
                .setCreatedAt(timestamp(session.createdAt()))
                .setLastUsedAt(timestamp(session.lastUsedAt()))
                .setExpiresAt(timestamp(session.expiresAt()))
                .build()).toList();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
