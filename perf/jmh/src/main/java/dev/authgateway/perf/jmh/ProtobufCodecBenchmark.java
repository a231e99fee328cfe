package dev.authgateway.perf.jmh;

import java.util.concurrent.TimeUnit;

import com.google.protobuf.Timestamp;
import dev.authgateway.cache.redis.ProtobufUserCodec;
import dev.authgateway.proto.user.v1.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Stage 4: the Redis value codec. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProtobufCodecBenchmark {

    private final ProtobufUserCodec codec = new ProtobufUserCodec();
    private final User user = User.newBuilder().setId("6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60").setUsername("ada")
            .setEmail("ada@example.com").setDisplayName("Ada Lovelace")
            .setCreatedAt(Timestamp.newBuilder().setSeconds(1_767_225_600L).setNanos(123_456_000)).setVersion(3).build();
    private final byte[] bytes = codec.encode(user);

    @Benchmark
    public byte[] encode() {
        return codec.encode(user);
    }

    @Benchmark
    public User decode() {
        return codec.decode(bytes);
    }
}
