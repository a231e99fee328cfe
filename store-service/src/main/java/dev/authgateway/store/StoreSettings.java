package dev.authgateway.store;

import java.time.Duration;

import dev.authgateway.store.domain.AccountMailPolicy;
import dev.authgateway.store.domain.MailLimit;
import dev.authgateway.store.domain.OutboxRelay;
import dev.authgateway.store.domain.Passkeys;
import dev.authgateway.store.domain.SecondFactors;
import dev.authgateway.store.hashing.HashParameters;
import dev.authgateway.store.mail.MailSettings;
import dev.authgateway.store.mybatis.DatabaseSettings;
import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * The store-service's keys under {@code app}, read once at start-up; every default is in application.yaml and a
 * missing key stops start-up naming it. {@code password-hash.threads: 0} means one per processor. The keys that
 * seal second-factor secrets ({@code second-factor.encryption}) are read by the crypto adapter's SecretKeyRing, the
 * relying party of passkeys ({@code passkeys.rp-id}, {@code rp-name}, {@code origins}) by the webauthn adapter's
 * RelyingPartySettings.
 */
record StoreSettings(DatabaseSettings db, Duration sessionLifetime, HashParameters hash, int hashThreads,
                     Duration hashMaxQueueWait, int minPasswordLength, int minPasswordStrength,
                     MailSettings mail, AccountMailPolicy accountMail, OutboxRelay.Policy outbox,
                     SecondFactors.Settings secondFactor, Passkeys.Settings passkeys) {

    static StoreSettings from(Config app) {
        Config hash = app.get("password-hash");
        return new StoreSettings(
                DatabaseSettings.from(app.get("db")),
                Required.duration(app.get("sessions.lifetime")),
                HashParameters.from(hash),
                Required.integer(hash.get("threads")),
                Required.duration(hash.get("max-queue-wait")),
                Required.integer(app.get("password-policy.min-length")),
                Required.integer(app.get("password-policy.min-strength")),
                MailSettings.from(app.get("mail")),
                accountMail(app.get("mail")),
                outbox(app.get("mail.sender")),
                new SecondFactors.Settings(
                        Required.string(app.get("second-factor.issuer")),
                        Required.duration(app.get("second-factor.challenge-lifetime")),
                        Required.integer(app.get("second-factor.challenge-max-failures"))),
                new Passkeys.Settings(Required.duration(app.get("passkeys.ceremony-lifetime"))));
    }

    private static AccountMailPolicy accountMail(Config mail) {
        Config limit = mail.get("rate-limit");
        return new AccountMailPolicy(
                Required.duration(mail.get("tokens.verify-ttl")),
                Required.duration(mail.get("tokens.reset-ttl")),
                new MailLimit(Required.integer(limit.get("per-recipient")), Required.integer(limit.get("per-account")),
                        Required.duration(limit.get("window"))));
    }

    private static OutboxRelay.Policy outbox(Config sender) {
        return new OutboxRelay.Policy(
                Required.integer(sender.get("batch-size")),
                Required.integer(sender.get("max-attempts")),
                Required.duration(sender.get("backoff-base")),
                Required.duration(sender.get("backoff-max")),
                Required.duration(sender.get("lease")));
    }
}
