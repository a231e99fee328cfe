package dev.authgateway.cache.redis;

import com.google.protobuf.Timestamp;
import dev.authgateway.proto.user.v1.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtobufUserCodecTest {

    private final ProtobufUserCodec codec = new ProtobufUserCodec();

    @Test
    void givenAUser_thenItSurvivesTheRoundTripInFewBytes() {
        User user = User.newBuilder().setId("6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60").setUsername("ada")
                .setEmail("ada@example.com").setDisplayName("Ada Lovelace")
                .setCreatedAt(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(123_000)).setVersion(3).build();

        byte[] bytes = codec.encode(user);

        assertThat(codec.decode(bytes)).isEqualTo(user);
        assertThat(bytes.length).isLessThan(100);
    }

    @Test
    void givenBytesThatAreNotAUser_thenRefused() {
        assertThatThrownBy(() -> codec.decode(new byte[]{(byte) 0xff, 0x01}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
