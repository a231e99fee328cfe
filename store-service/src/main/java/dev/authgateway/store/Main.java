package dev.authgateway.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.authgateway.store.domain.AccountLifecycle;
import dev.authgateway.store.domain.AccountMail;
import dev.authgateway.store.domain.OutboxRelay;
import dev.authgateway.store.crypto.AesGcmSecretBox;
import dev.authgateway.store.crypto.SecretKeyRing;
import dev.authgateway.store.domain.Passkeys;
import dev.authgateway.store.domain.PasswordPolicy;
import dev.authgateway.store.domain.SecondFactors;
import dev.authgateway.store.domain.TotpVerifier;
import dev.authgateway.store.domain.Sessions;
import dev.authgateway.store.domain.UserAccounts;
import dev.authgateway.store.grpc.AccountLifecycleGrpcService;
import dev.authgateway.store.grpc.AccountMailGrpcService;
import dev.authgateway.store.grpc.GrpcCallDeadline;
import dev.authgateway.store.grpc.PasskeysGrpcService;
import dev.authgateway.store.grpc.SecondFactorsGrpcService;
import dev.authgateway.store.grpc.UserStoreGrpcService;
import dev.authgateway.store.hashing.Argon2PasswordHasher;
import dev.authgateway.store.hashing.OffloadedPasswordHasher;
import dev.authgateway.store.mail.MailSender;
import dev.authgateway.store.mail.SmtpMailTransport;
import dev.authgateway.store.mail.TemplateMailComposer;
import dev.authgateway.store.mybatis.Database;
import dev.authgateway.store.mybatis.MyBatisPasskeyRepository;
import dev.authgateway.store.mybatis.MyBatisUserRepository;
import dev.authgateway.store.mybatis.PoolMetrics;
import dev.authgateway.store.policy.ZxcvbnStrength;
import dev.authgateway.store.totp.JavaOtpGenerator;
import dev.authgateway.store.webauthn.RelyingPartySettings;
import dev.authgateway.store.webauthn.YubicoCeremonies;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.HealthChecks;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.support.server.ServiceMain;
import io.helidon.config.Config;

/**
 * store-service: the UserStore, AccountMail, SecondFactors and Passkeys gRPC services over PostgreSQL, and the mail
 * outbox's sender.
 */
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
            PasswordPolicy passwordPolicy = new PasswordPolicy(settings.minPasswordLength(),
                    new ZxcvbnStrength(settings.minPasswordStrength()));
            TemplateMailComposer composer = new TemplateMailComposer(settings.mail().linkBaseUrl());
            AccountMail mail = new AccountMail(users.accountMail(), users, hasher, passwordPolicy,
                    composer, settings.accountMail(), Clock.systemUTC());
            UserAccounts accounts = new UserAccounts(users, hasher, passwordPolicy, mail::insertWithVerification);
            SecondFactors secondFactors = secondFactors(root.get("app.second-factor.encryption"), users, settings);
            AccountLifecycle lifecycle = new AccountLifecycle(users.accountLifecycle(), users.accountMail(), users,
                    sessions, secondFactors, hasher, composer, settings.accountMail(), Clock.systemUTC());
            MyBatisPasskeyRepository passkeyRows = users.passkeys();
            Passkeys passkeys = new Passkeys(passkeyRows, users, new YubicoCeremonies(
                    RelyingPartySettings.from(root.get("app.passkeys")), passkeyRows, users),
                    settings.passkeys(), Clock.systemUTC());
            List<AutoCloseable> resources = new ArrayList<>(List.of(dataSource, hasher));
            if (settings.mail().senderEnabled()) {
                resources.add(MailSender.start(new OutboxRelay(users.mailOutbox(),
                                new SmtpMailTransport(settings.mail()), settings.outbox(), Clock.systemUTC()),
                        settings.outbox().batchSize(), settings.mail().pollInterval()));
            }
            return GrpcServiceServer.builder()
                    .service(new UserStoreGrpcService(accounts, sessions, lifecycle))
                    .service(new AccountLifecycleGrpcService(lifecycle))
                    .service(new AccountMailGrpcService(mail))
                    .service(new SecondFactorsGrpcService(secondFactors))
                    .service(new PasskeysGrpcService(passkeys))
                    .readiness(HealthChecks.readiness("postgresql", () -> Database.reachable(dataSource)))
                    .start(root, resources);
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
