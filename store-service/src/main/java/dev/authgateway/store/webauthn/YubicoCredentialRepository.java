package dev.authgateway.store.webauthn;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import dev.authgateway.store.domain.LoginForms;
import dev.authgateway.store.domain.PasskeyRepository;
import dev.authgateway.store.domain.User;
import dev.authgateway.store.domain.UserHandles;
import dev.authgateway.store.domain.UserRepository;

/**
 * Yubico's view of the stored passkeys. Its "username" is the account's username (what the authenticator shows), its
 * user handle {@link UserHandles}: the user id's 16 bytes.
 */
final class YubicoCredentialRepository implements CredentialRepository {

    private final PasskeyRepository passkeys;
    private final UserRepository users;

    YubicoCredentialRepository(PasskeyRepository passkeys, UserRepository users) {
        this.passkeys = passkeys;
        this.users = users;
    }

    @Override
    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
        return userId(username).map(this::descriptors).orElse(Set.of());
    }

    /** The user's credentials as a registration excludes them and a login for their account allows them. */
    Set<PublicKeyCredentialDescriptor> descriptors(UUID userId) {
        return passkeys.ofUser(userId).stream()
                .map(passkey -> PublicKeyCredentialDescriptor.builder()
                        .id(new ByteArray(passkey.credentialId()))
                        .transports(passkey.transports().stream().map(AuthenticatorTransport::of)
                                .collect(Collectors.toSet()))
                        .build())
                .collect(Collectors.toSet());
    }

    @Override
    public Optional<ByteArray> getUserHandleForUsername(String username) {
        return userId(username).map(id -> new ByteArray(UserHandles.of(id)));
    }

    @Override
    public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
        return UserHandles.userId(userHandle.getBytes()).flatMap(users::findById).map(User::username);
    }

    @Override
    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
        return passkeys.byCredentialId(credentialId.getBytes())
                .filter(passkey -> new ByteArray(passkey.userHandle()).equals(userHandle))
                .map(YubicoCredentialRepository::registered);
    }

    @Override
    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
        return passkeys.byCredentialId(credentialId.getBytes()).map(YubicoCredentialRepository::registered)
                .map(Set::of).orElse(Set.of());
    }

    private Optional<UUID> userId(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return users.findCredentials(LoginForms.login(username)).map(found -> found.user().id());
    }

    private static RegisteredCredential registered(PasskeyRepository.StoredPasskey passkey) {
        return RegisteredCredential.builder()
                .credentialId(new ByteArray(passkey.credentialId()))
                .userHandle(new ByteArray(passkey.userHandle()))
                .publicKeyCose(new ByteArray(passkey.publicKeyCose()))
                .signatureCount(passkey.signatureCount())
                .build();
    }
}
