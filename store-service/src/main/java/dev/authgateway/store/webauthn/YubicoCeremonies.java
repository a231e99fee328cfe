package dev.authgateway.store.webauthn;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;
import dev.authgateway.store.domain.FieldViolation;
import dev.authgateway.store.domain.InvalidInputException;
import dev.authgateway.store.domain.PasskeyCeremonies;
import dev.authgateway.store.domain.PasskeyNotAcceptedException;
import dev.authgateway.store.domain.PasskeyRepository;
import dev.authgateway.store.domain.User;
import dev.authgateway.store.domain.UserHandles;
import dev.authgateway.store.domain.UserRepository;
import dev.authgateway.support.observe.RateLimitedLog;

/**
 * WebAuthn's ceremonies by Yubico's {@link RelyingParty}: discoverable credentials (resident keys) with user
 * verification required, no attestation asked for (a passkey's maker is not checked: "none" attestation), signature
 * counters checked. The state kept between start and finish is Yubico's own JSON of the request.
 */
public final class YubicoCeremonies implements PasskeyCeremonies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RateLimitedLog LOG = RateLimitedLog.of(YubicoCeremonies.class);
    /** How long the browser waits for the user (ms); the stored ceremony lives longer (app.passkeys.ceremony-lifetime). */
    private static final long TIMEOUT_MILLIS = 120_000;

    private final RelyingParty relyingParty;
    private final YubicoCredentialRepository credentials;

    public YubicoCeremonies(RelyingPartySettings settings, PasskeyRepository passkeys, UserRepository users) {
        this.credentials = new YubicoCredentialRepository(passkeys, users);
        this.relyingParty = RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(settings.rpId()).name(settings.rpName()).build())
                .credentialRepository(credentials)
                .origins(settings.origins())
                .validateSignatureCounter(true)
                .build();
    }

    @Override
    public Started startRegistration(User user) {
        PublicKeyCredentialCreationOptions options = relyingParty.startRegistration(StartRegistrationOptions.builder()
                .user(UserIdentity.builder()
                        .name(user.username())
                        .displayName(user.displayName() == null || user.displayName().isBlank()
                                ? user.username() : user.displayName())
                        .id(new ByteArray(UserHandles.of(user.id())))
                        .build())
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build())
                .timeout(TIMEOUT_MILLIS)
                .build());
        try {
            return new Started(inner(options.toCredentialsCreateJson()), options.toJson(),
                    options.getChallenge().getBytes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write creation options", e);
        }
    }

    @Override
    public byte[] registrationChallenge(String responseJson) {
        return registrationResponse(responseJson).getResponse().getClientData().getChallenge().getBytes();
    }

    @Override
    public NewCredential finishRegistration(String requestJson, String responseJson) {
        PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> response =
                registrationResponse(responseJson);
        RegistrationResult result;
        try {
            result = relyingParty.finishRegistration(FinishRegistrationOptions.builder()
                    .request(PublicKeyCredentialCreationOptions.fromJson(requestJson))
                    .response(response)
                    .build());
        } catch (RegistrationFailedException e) {
            // The client hears only "not accepted"; why (an origin missing from app.passkeys.origins, say) is here.
            LOG.client("passkey-registration-refused", "Passkey registration refused: " + e.getMessage());
            throw invalid("was not accepted: it does not answer the registration (challenge, origin, RP id, "
                    + "user verification or attestation)");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the kept creation options", e);
        }
        List<String> transports = result.getKeyId().getTransports().stream()
                .flatMap(set -> set.stream().map(AuthenticatorTransport::getId)).toList();
        return new NewCredential(result.getKeyId().getId().getBytes(), UserHandles.of(userOf(requestJson)),
                result.getPublicKeyCose().getBytes(), result.getSignatureCount(), transports);
    }

    @Override
    public Started startLogin(Optional<UUID> userId) {
        StartAssertionOptions.StartAssertionOptionsBuilder options = StartAssertionOptions.builder()
                .userVerification(UserVerificationRequirement.REQUIRED)
                .timeout(TIMEOUT_MILLIS);
        // With a user: their credentials are listed, and the answer must be one of them. Yubico lists them by
        // username; asking by handle keeps the lookup on the id.
        userId.ifPresent(id -> options.userHandle(new ByteArray(UserHandles.of(id))));
        AssertionRequest request = relyingParty.startAssertion(options.build());
        try {
            return new Started(inner(request.toCredentialsGetJson()), request.toJson(),
                    request.getPublicKeyCredentialRequestOptions().getChallenge().getBytes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request options", e);
        }
    }

    @Override
    public Asserted finishLogin(String requestJson, String responseJson) {
        PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> response;
        try {
            response = PublicKeyCredential.parseAssertionResponseJson(responseJson);
        } catch (IOException | RuntimeException e) {
            throw invalid("must be the browser's assertion (AuthenticationResponseJSON)");
        }
        AssertionResult result;
        try {
            result = relyingParty.finishAssertion(FinishAssertionOptions.builder()
                    .request(AssertionRequest.fromJson(requestJson))
                    .response(response)
                    .build());
        } catch (AssertionFailedException e) {
            throw new PasskeyNotAcceptedException(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the kept request options", e);
        }
        if (!result.isSuccess() || !result.isUserVerified()) {
            throw new PasskeyNotAcceptedException("assertion not verified");
        }
        UUID userId = UserHandles.userId(result.getCredential().getUserHandle().getBytes())
                .orElseThrow(() -> new PasskeyNotAcceptedException("not one of our user handles"));
        return new Asserted(result.getCredential().getCredentialId().getBytes(), userId, result.getSignatureCount());
    }

    /** Yubico's creation options as kept name their user; the user handle stored with the credential is theirs. */
    private static UUID userOf(String requestJson) {
        try {
            return UserHandles.userId(PublicKeyCredentialCreationOptions.fromJson(requestJson).getUser().getId()
                    .getBytes()).orElseThrow(() -> new IllegalStateException("the kept options name no user"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the kept creation options", e);
        }
    }

    private static PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs>
            registrationResponse(String responseJson) {
        try {
            return PublicKeyCredential.parseRegistrationResponseJson(responseJson);
        } catch (IOException | RuntimeException e) {
            throw invalid("must be the browser's new credential (RegistrationResponseJSON)");
        }
    }

    /** The object the browser takes: Yubico wraps it as {"publicKey": …} for navigator.credentials. */
    private static String inner(String wrapped) throws JsonProcessingException {
        JsonNode publicKey = JSON.readTree(wrapped).get("publicKey");
        if (publicKey == null) {
            throw new IllegalStateException("options without publicKey");
        }
        return JSON.writeValueAsString(publicKey);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(List.of(new FieldViolation("response", message)));
    }
}
