package dev.authgateway.store;

import java.time.Clock;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.authgateway.store.crypto.AesGcmSecretBox;
import dev.authgateway.store.crypto.SecretKeyRing;
import dev.authgateway.store.domain.PasswordPolicy;
import dev.authgateway.store.domain.SecondFactors;
import dev.authgateway.store.domain.TotpVerifier;
import dev.authgateway.store.domain.Sessions;
import dev.authgateway.store.domain.UserAccounts;
import dev.authgateway.store.grpc.GrpcCallDeadline;
import dev.authgateway.store.grpc.SecondFactorsGrpcService;
import dev.authgateway.store.grpc.UserStoreGrpcService;
import dev.authgateway.store.hashing.Argon2PasswordHasher;
import dev.authgateway.store.hashing.OffloadedPasswordHasher;
import dev.authgateway.store.mybatis.Database;
import dev.authgateway.store.mybatis.MyBatisUserRepository;
import dev.authgateway.store.mybatis.PoolMetrics;
import dev.authgateway.store.policy.ZxcvbnStrength;
import dev.authgateway.store.totp.JavaOtpGenerator;
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
        StoreSettings settings = StoreSettings.from(root.get("app"));
        HikariDataSource dataSource = Database.open(settings.db());
        PoolMetrics.register(dataSource);
        try {
            MyBatisUserRepository users = MyBatisUserRepository.on(dataSource);
            Sessions sessions = new Sessions(users.sessions(),
                    settings.sessionLifetime(), Clock.systemUTC());
            OffloadedPasswordHasher hasher = new OffloadedPasswordHasher(
                    new Argon2PasswordHasher(settings.hash()),
                    settings.hashThreads() > 0 ? settings.hashThreads() : OffloadedPasswordHasher.defaultThreads(),
                    settings.hashMaxQueueWait(),
                    GrpcCallDeadline::remaining);
            UserAccounts accounts = new UserAccounts(
                    users,
                    hasher,
                    new PasswordPolicy(settings.minPasswordLength(),
                            new ZxcvbnStrength(settings.minPasswordStrength())));
            SecondFactors secondFactors = secondFactors(root.get("app.second-factor.encryption"), users, settings);
            return GrpcServiceServer.builder()
                    .service(new UserStoreGrpcService(accounts, sessions))
                    .service(new SecondFactorsGrpcService(secondFactors))
                    .readiness(HealthChecks.readiness("postgresql", () -> Database.reachable(dataSource)))
                    .start(root, List.of(dataSource, hasher));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static SecondFactors secondFactors(Config encryption, MyBatisUserRepository users,
                                               StoreSettings settings) {
        SecretKeyRing keys = SecretKeyRing.from(encryption);
        if (keys.isEmpty()) {
            System.getLogger(Main.class.getName()).log(System.Logger.Level.WARNING, "No key in "
                    + "app.second-factor.encryption.keys: enrolling a second factor fails (INTERNAL) until one is set");
        }
        Clock clock = Clock.systemUTC();
        return new SecondFactors(users.secondFactors(), users, new AesGcmSecretBox(keys),
                new TotpVerifier(new JavaOtpGenerator(), clock), settings.secondFactor(), clock);
    }
}
