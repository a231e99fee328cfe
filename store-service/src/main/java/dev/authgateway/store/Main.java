package dev.authgateway.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.authgateway.store.mybatis.PoolMetrics;
import dev.authgateway.store.domain.PasswordPolicy;
import dev.authgateway.store.domain.Sessions;
import dev.authgateway.store.domain.UserAccounts;
import dev.authgateway.store.grpc.GrpcCallDeadline;
import dev.authgateway.store.grpc.UserStoreGrpcService;
import dev.authgateway.store.hashing.Argon2PasswordHasher;
import dev.authgateway.store.hashing.OffloadedPasswordHasher;
import dev.authgateway.store.hashing.HashParameters;
import dev.authgateway.store.mybatis.Database;
import dev.authgateway.store.mybatis.MyBatisUserRepository;
import dev.authgateway.store.policy.ListedCommonPasswords;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.HealthChecks;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.support.server.ServiceMain;
import io.helidon.config.Config;

/** store-service: the UserStore gRPC service over PostgreSQL. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceMain.run("store-service", Main::start);
    }

    public static RunningService start(Config root) {
        Config app = root.get("app");
        HikariDataSource dataSource = Database.open(app.get("db"));
        PoolMetrics.register(dataSource);
        try {
            MyBatisUserRepository users = MyBatisUserRepository.on(dataSource);
            Sessions sessions = new Sessions(users.sessions(),
                    app.get("sessions.lifetime").as(Duration.class).orElse(Duration.ofDays(14)), Clock.systemUTC());
            OffloadedPasswordHasher hasher = new OffloadedPasswordHasher(
                    new Argon2PasswordHasher(HashParameters.from(app.get("password-hash"))),
                    app.get("password-hash.threads").asInt().orElse(OffloadedPasswordHasher.defaultThreads()),
                    app.get("password-hash.max-queue-wait").as(Duration.class).orElse(Duration.ofSeconds(1)),
                    GrpcCallDeadline::remaining);
            UserAccounts accounts = new UserAccounts(
                    users,
                    hasher,
                    new PasswordPolicy(app.get("password-policy.min-length").asInt().orElse(10),
                            ListedCommonPasswords.load()));
            return GrpcServiceServer.builder()
                    .service(new UserStoreGrpcService(accounts, sessions))
                    .readiness(HealthChecks.readiness("postgresql", () -> Database.reachable(dataSource)))
                    .start(root, List.of(dataSource, hasher));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }
}
