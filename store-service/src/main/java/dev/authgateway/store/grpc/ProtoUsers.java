package dev.authgateway.store.grpc;

import com.google.protobuf.Timestamp;
import dev.authgateway.proto.user.v1.User;

/** Domain users as the contract's messages. */
final class ProtoUsers {

    private ProtoUsers() {
    }

    static User toProto(dev.authgateway.store.domain.User user) {
        return User.newBuilder()
                .setId(user.id().toString())
                .setUsername(user.username())
                .setEmail(user.email())
                .setDisplayName(user.displayName())
                .setCreatedAt(Timestamp.newBuilder()
                        .setSeconds(user.createdAt().getEpochSecond())
                        .setNanos(user.createdAt().getNano()))
                .setVersion(user.version())
                .build();
    }
}
