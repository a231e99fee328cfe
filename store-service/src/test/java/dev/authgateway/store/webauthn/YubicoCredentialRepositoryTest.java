package dev.authgateway.store.webauthn;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import dev.authgateway.store.domain.CanonicalLogin;
import dev.authgateway.store.domain.PasskeyRepository;
import dev.authgateway.store.domain.PasskeyRepository.StoredPasskey;
import dev.authgateway.store.domain.SignUp;
import dev.authgateway.store.domain.User;
import dev.authgateway.store.domain.UserHandles;
import dev.authgateway.store.domain.UserRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Yubico's view of the stored passkeys, over one user with one passkey kept in memory. */
class YubicoCredentialRepositoryTest {

    private static final UUID ADA = UUID.fromString("7b0e6c3c-5f7e-4a8e-9b1a-2f3d4c5b6a70");
    private static final User ADA_USER = new User(ADA, "Ada", "ada@example.com", "Ada L.", Instant.EPOCH, 1);
    private static final StoredPasskey KEY = new StoredPasskey(UUID.randomUUID(), ADA, new byte[] {1, 2, 3, 4},
            UserHandles.of(ADA), new byte[] {42}, 7, List.of("internal", "usb"), "Laptop", Instant.EPOCH, null);

    private final YubicoCredentialRepository repository = new YubicoCredentialRepository(new OnePasskey(),
            new OneUser());

    @Test
    void givenTheCredentialAndItsOwnersHandle_thenLookupAnswersItsKeyAndCounter() {
        RegisteredCredential found = repository.lookup(new ByteArray(KEY.credentialId()),
                new ByteArray(UserHandles.of(ADA))).orElseThrow();

        assertThat(found.getCredentialId().getBytes()).isEqualTo(KEY.credentialId());
        assertThat(found.getUserHandle().getBytes()).isEqualTo(UserHandles.of(ADA));
        assertThat(found.getPublicKeyCose().getBytes()).containsExactly(42);
        assertThat(found.getSignatureCount()).isEqualTo(7);
        assertThat(repository.lookupAll(new ByteArray(KEY.credentialId()))).containsExactly(found);
    }

    @Test
    void givenAnotherUsersHandleOrAnUnknownCredential_thenNothing() {
        assertThat(repository.lookup(new ByteArray(KEY.credentialId()),
                new ByteArray(UserHandles.of(UUID.randomUUID())))).isEmpty();
        assertThat(repository.lookup(new ByteArray(new byte[] {9}), new ByteArray(UserHandles.of(ADA)))).isEmpty();
        assertThat(repository.lookupAll(new ByteArray(new byte[] {9}))).isEmpty();
    }

    @Test
    void givenTheUsernameInAnyCase_thenItsCredentialsWithTransportsAndItsHandle() {
        assertThat(repository.getCredentialIdsForUsername("ADA")).singleElement().satisfies(descriptor -> {
            assertThat(descriptor.getId().getBytes()).isEqualTo(KEY.credentialId());
            assertThat(descriptor.getTransports().orElseThrow())
                    .containsExactlyInAnyOrder(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.USB);
        });
        assertThat(repository.getUserHandleForUsername("ada")).contains(new ByteArray(UserHandles.of(ADA)));
        assertThat(repository.getCredentialIdsForUsername("nobody")).isEmpty();
        assertThat(repository.getUserHandleForUsername("")).isEmpty();
    }

    @Test
    void givenAUserHandle_thenTheUsername_andNothingForAHandleThatIsNotOurs() {
        assertThat(repository.getUsernameForUserHandle(new ByteArray(UserHandles.of(ADA)))).contains("Ada");
        assertThat(repository.getUsernameForUserHandle(new ByteArray(new byte[] {1, 2, 3}))).isEmpty();
        assertThat(repository.getUsernameForUserHandle(new ByteArray(UserHandles.of(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void givenAUserId_thenTheDescriptorsToExcludeOrAllow() {
        assertThat(repository.descriptors(ADA)).extracting(PublicKeyCredentialDescriptor::getId)
                .containsExactly(new ByteArray(KEY.credentialId()));
        assertThat(repository.descriptors(UUID.randomUUID())).isEmpty();
    }

    /** Ada's one passkey; writes are not what this test is about. */
    private static final class OnePasskey implements PasskeyRepository {
        @Override
        public void insert(StoredPasskey passkey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StoredPasskey> ofUser(UUID userId) {
            return userId.equals(ADA) ? List.of(KEY) : List.of();
        }

        @Override
        public Optional<StoredPasskey> byCredentialId(byte[] credentialId) {
            return Arrays.equals(credentialId, KEY.credentialId()) ? Optional.of(KEY) : Optional.empty();
        }

        @Override
        public boolean recordUse(byte[] credentialId, long signatureCount, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(UUID userId, UUID passkeyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveCeremony(byte[] keyHash, CeremonyKind kind, UUID userId, String requestJson, Instant now,
                                 Instant expiresAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Ceremony> takeCeremony(byte[] keyHash, CeremonyKind kind, UUID userId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int deleteExpiredCeremonies(Instant now) {
            throw new UnsupportedOperationException();
        }
    }

    /** Ada, found by id or by her canonical username. */
    private static final class OneUser implements UserRepository {
        @Override
        public User insert(UUID id, SignUp signUp, String passwordHash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<User> findById(UUID id) {
            return id.equals(ADA) ? Optional.of(ADA_USER) : Optional.empty();
        }

        @Override
        public Optional<StoredCredentials> findCredentials(CanonicalLogin login) {
            return !login.isEmail() && login.value().equals("ada")
                    ? Optional.of(new StoredCredentials(ADA_USER, "hash")) : Optional.empty();
        }

        @Override
        public Optional<User> updateDisplayName(UUID id, String displayName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replacePasswordHash(UUID id, String expected, String replacement) {
            throw new UnsupportedOperationException();
        }
    }
}
