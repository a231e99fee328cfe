package dev.authgateway.store.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Passkeys: registering one (creation options, then the browser's answer verified and the credential stored), logging
 * in with one (request options under an opaque request id, then the assertion verified), listing and removing them.
 * A ceremony's state lives in the repository for {@link Settings#ceremonyLifetime()} and is used once; a registration
 * is found by its challenge and only for its own user, a login by the SHA-256 of its request id.
 */
public final class Passkeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** A registration response is about 1 KiB with "none" attestation, a few with a certificate chain. */
    static final int RESPONSE_MAX = 32_768;
    static final int NAME_MAX = 64;
    static final String DEFAULT_NAME = "Passkey";

    private final PasskeyRepository repository;
    private final UserRepository users;
    private final PasskeyCeremonies ceremonies;
    private final Settings settings;
    private final Clock clock;

    public Passkeys(PasskeyRepository repository, UserRepository users, PasskeyCeremonies ceremonies,
                    Settings settings, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.ceremonies = ceremonies;
        this.settings = settings;
        this.clock = clock;
    }

    /** How long a started registration or login can be finished. */
    public record Settings(Duration ceremonyLifetime) {
    }

    /** Creation options for the browser; the registration waits under its challenge, for this user only. */
    public Options startRegistration(UUID userId) {
        User user = users.findById(userId).orElseThrow(UserNotFoundException::new);
        PasskeyCeremonies.Started started = ceremonies.startRegistration(user);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.ceremonyLifetime());
        repository.deleteExpiredCeremonies(now);
        repository.saveCeremony(RecoveryCodes.sha256(BASE64URL.encodeToString(started.challenge())),
                PasskeyRepository.CeremonyKind.REGISTRATION, userId, started.requestJson(), now, expiresAt);
        return new Options(null, started.optionsJson(), expiresAt);
    }

    /** Verifies the browser's answer to the user's pending registration and stores the passkey. */
    public Passkey finishRegistration(UUID userId, String responseJson, String name) {
        String response = response(responseJson);
        String kept = name(name);
        byte[] challenge = ceremonies.registrationChallenge(response);
        PasskeyRepository.Ceremony ceremony = repository.takeCeremony(
                        RecoveryCodes.sha256(BASE64URL.encodeToString(challenge)),
                        PasskeyRepository.CeremonyKind.REGISTRATION, userId, clock.instant())
                .orElseThrow(() -> new PasskeyStateException(
                        "no passkey registration is pending for this answer (expired or used); start again"));
        PasskeyCeremonies.NewCredential credential = ceremonies.finishRegistration(ceremony.requestJson(), response);
        PasskeyRepository.StoredPasskey stored = new PasskeyRepository.StoredPasskey(UUID.randomUUID(), userId,
                credential.credentialId(), credential.userHandle(), credential.publicKeyCose(),
                credential.signatureCount(), credential.transports(), kept,
                clock.instant().truncatedTo(ChronoUnit.MICROS), null); // as PostgreSQL keeps it
        repository.insert(stored);
        return stored.summary();
    }

    public List<Passkey> list(UUID userId) {
        return repository.ofUser(userId).stream().map(PasskeyRepository.StoredPasskey::summary).toList();
    }

    /** Whether the user had a passkey with this id (another user's is not touched: the same false). */
    public boolean remove(UUID userId, UUID passkeyId) {
        return repository.remove(userId, passkeyId);
    }

    /**
     * Request options under a new request id: listing the login's credentials, or for any discoverable one when the
     * login is absent, names no account or an account without passkeys (answered alike: the answer does not tell
     * which).
     */
    public Options startLogin(String login) {
        Optional<UUID> userId = login == null || login.isBlank() ? Optional.empty()
                : users.findCredentials(LoginForms.login(login)).map(found -> found.user().id())
                        .filter(id -> !repository.ofUser(id).isEmpty());
        PasskeyCeremonies.Started started = ceremonies.startLogin(userId);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String requestId = BASE64URL.encodeToString(random);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.ceremonyLifetime());
        repository.deleteExpiredCeremonies(now);
        repository.saveCeremony(RecoveryCodes.sha256(requestId), PasskeyRepository.CeremonyKind.LOGIN,
                userId.orElse(null), started.requestJson(), now, expiresAt);
        return new Options(requestId, started.optionsJson(), expiresAt);
    }

    /** Spends the request and verifies the assertion; whose passkey it was. */
    public LoggedIn finishLogin(String requestId, String responseJson) {
        String response = response(responseJson);
        PasskeyRepository.Ceremony ceremony = repository.takeCeremony(
                        RecoveryCodes.sha256(requestId == null ? "" : requestId),
                        PasskeyRepository.CeremonyKind.LOGIN, null, clock.instant())
                .orElseThrow(PasskeyRequestNotValidException::new);
        PasskeyCeremonies.Asserted asserted = ceremonies.finishLogin(ceremony.requestJson(), response);
        PasskeyRepository.StoredPasskey passkey = repository.byCredentialId(asserted.credentialId())
                .filter(found -> found.userId().equals(asserted.userId()))
                .orElseThrow(() -> new PasskeyNotAcceptedException("the credential was removed meanwhile"));
        if (!repository.recordUse(asserted.credentialId(), asserted.signatureCount(), clock.instant())) {
            throw new PasskeyNotAcceptedException("the signature counter did not go forward (concurrent use)");
        }
        return new LoggedIn(asserted.userId(), passkey.id());
    }

    private static String response(String responseJson) {
        if (responseJson == null || responseJson.isBlank()) {
            throw invalid("response", "is required: the browser's credential as JSON");
        }
        if (responseJson.length() > RESPONSE_MAX) {
            throw invalid("response", "must be at most " + RESPONSE_MAX + " characters long");
        }
        return responseJson;
    }

    /** The name to keep: trimmed, "Passkey" when empty, at most 64 characters, nothing hidden. */
    static String name(String typed) {
        if (typed != null && HiddenCharacters.containsAny(typed)) {
            throw invalid("name", HiddenCharacters.MESSAGE);
        }
        String name = InputRules.trimmed(typed);
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            throw invalid("name", "must be at most " + NAME_MAX + " characters long");
        }
        return name.isEmpty() ? DEFAULT_NAME : name;
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, message)));
    }

    /** What a ceremony's start answers: options JSON for the browser, and for a login its request id. */
    public record Options(String requestId, String optionsJson, Instant expiresAt) {
        @Override
        public String toString() {
            return "Options[expiresAt=" + expiresAt + "]";
        }
    }

    public record LoggedIn(UUID userId, UUID passkeyId) {
    }
}
