package dev.authgateway.perf.jmh;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.TestRedis;
import io.grpc.stub.StreamObserver;
import io.helidon.config.Config;

/** Services started inside the benchmark's JVM on free loopback ports. */
final class InProcess {

    static final User ADA = User.newBuilder().setId("6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60").setUsername("ada")
            .setEmail("ada@example.com").setDisplayName("Ada Lovelace")
            .setCreatedAt(Timestamp.newBuilder().setSeconds(1_767_225_600L)).setVersion(1).build();

    private InProcess() {
    }

    /** The service's shipped application.yaml (copied by the pom), with free ports for both listeners and the given keys over it. */
    static Config config(String service, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("server.port", "0");
        all.put("grpc.port", "0");
        if (service.equals("graphql-gateway")) {
            all.put("server.sockets.0.port", "0");
        }
        return ApplicationYaml.with("defaults/" + service + "/application.yaml", all);
    }

    /** A store that knows one user, so the cache-service can be measured without PostgreSQL. */
    static RunningService oneUserStore() {
        return GrpcServiceServer.builder().service(new UserStoreGrpc.UserStoreImplBase() {
            @Override
            public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
                response.onNext(GetUserResponse.newBuilder().setUser(ADA).build());
                response.onCompleted();
            }
        }).start(config("store-service", Map.of()), List.of());
    }

    static RunningService cacheService(TestRedis redis, int storeGrpcPort) {
        return cacheService(redis, storeGrpcPort, "grpc-java");
    }

    /** A cache-service whose gRPC server is the implementation named ({@code grpc.implementation}). */
    static RunningService cacheService(TestRedis redis, int storeGrpcPort, String grpcImplementation) {
        Map<String, String> values = new HashMap<>(redis.config());
        values.put("app.store.port", String.valueOf(storeGrpcPort));
        values.put("grpc.implementation", grpcImplementation);
        return dev.authgateway.cache.Main.start(config("cache-service", values));
    }
}
