package dev.authgateway.gateway.grpcclient;

import java.time.Instant;

import dev.authgateway.gateway.domain.User;

/** Contract users as the gateway's. */
final class ProtoUsers {

    private ProtoUsers() {
    }

    static User fromProto(dev.authgateway.proto.user.v1.User user) {
        return new User(user.getId(), user.getUsername(), user.getEmail(), user.getDisplayName(),
                Instant.ofEpochSecond(user.getCreatedAt().getSeconds(), user.getCreatedAt().getNanos()));
    }
}
