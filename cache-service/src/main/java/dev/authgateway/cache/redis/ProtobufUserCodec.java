package dev.authgateway.cache.redis;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.authgateway.proto.user.v1.User;

/** Users as their protobuf bytes: compact, and readable by any service that has user.proto. */
public final class ProtobufUserCodec implements ValueCodec<User> {

    @Override
    public byte[] encode(User value) {
        return value.toByteArray();
    }

    @Override
    public User decode(byte[] bytes) {
        try {
            return User.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Cached bytes are not a User", e);
        }
    }
}
