package dev.authgateway.gateway.graphql;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PersistedDocumentsTest {

    private static final String PROFILE = "{ profile { id } }";
    private static final String OTHER = "{ profile { displayName } }";

    @Test
    void givenAnUnknownHash_thenPersistedQueryNotFoundWithTheMessageApolloLooksFor() {
        PersistedDocuments documents = new PersistedDocuments(TrustedDocuments.NONE, false, 10, 10_000);

        DocumentRefused refused = catchThrowableOfType(DocumentRefused.class,
                () -> documents.resolve(hashOnly(Sha256.hex(PROFILE))));

        assertThat(refused.code()).isEqualTo(EdgeError.PERSISTED_QUERY_NOT_FOUND);
        assertThat(refused.getMessage()).isEqualTo("PersistedQueryNotFound");
    }

    @Test
    void givenTheDocumentSentWithItsHash_thenTheHashAloneFindsItAfterwards() {
        PersistedDocuments documents = new PersistedDocuments(TrustedDocuments.NONE, false, 10, 10_000);

        GraphQlRequest first = documents.resolve(withHash(PROFILE, Sha256.hex(PROFILE)));
        GraphQlRequest again = documents.resolve(hashOnly(Sha256.hex(PROFILE).toUpperCase()));

        assertThat(first.query()).isEqualTo(PROFILE);
        assertThat(again.query()).isEqualTo(PROFILE);
        assertThat(again.extensions()).doesNotContainKey("persistedQuery");
    }

    @Test
    void givenAHashThatIsNotTheDocuments_thenHashMismatchAndNothingRegistered() {
        PersistedDocuments documents = new PersistedDocuments(TrustedDocuments.NONE, false, 10, 10_000);

        HttpProblem problem = catchThrowableOfType(HttpProblem.class,
                () -> documents.resolve(withHash(OTHER, Sha256.hex(PROFILE))));

        assertThat(problem.code()).isEqualTo(EdgeError.PERSISTED_QUERY_HASH_MISMATCH);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(documents.registeredCount()).isZero();
    }

    @Test
    void givenAFloodOfUniqueDocuments_thenTheStoreStaysWithinItsEntryLimit() {
        PersistedDocuments documents = new PersistedDocuments(TrustedDocuments.NONE, false, 100, 1_000_000);

        for (int i = 0; i < 5_000; i++) {
            String document = "{ a" + i + ": profile { id } }";
            documents.resolve(withHash(document, Sha256.hex(document)));
        }

        assertThat(documents.registeredCount()).isLessThanOrEqualTo(100);
    }

    @Test
    void givenLargeDocuments_thenTheStoreStaysWithinItsByteLimit() {
        PersistedDocuments documents = new PersistedDocuments(TrustedDocuments.NONE, false, 1_000, 100_000);

        for (int i = 0; i < 200; i++) {
            String document = "{ a" + i + ": profile { id } }" + " ".repeat(10_000);
            documents.resolve(withHash(document, Sha256.hex(document)));
        }

        assertThat(documents.registeredCount()).isLessThanOrEqualTo(10);
    }

    @Test
    void givenZeroEntries_thenNothingIsRegisteredAndTheDocumentStillRuns() {
        PersistedDocuments documents = new PersistedDocuments(TrustedDocuments.NONE, false, 0, 0);

        assertThat(documents.resolve(withHash(PROFILE, Sha256.hex(PROFILE))).query()).isEqualTo(PROFILE);
        assertThat(catchThrowableOfType(DocumentRefused.class, () -> documents.resolve(hashOnly(Sha256.hex(PROFILE))))
                .code()).isEqualTo(EdgeError.PERSISTED_QUERY_NOT_FOUND);
    }

    @Test
    void givenAManifestNotEnforced_thenItsHashesAreKnownAndOtherDocumentsStillRun() {
        PersistedDocuments documents = new PersistedDocuments(trusted(PROFILE), false, 10, 10_000);

        assertThat(documents.resolve(hashOnly(Sha256.hex(PROFILE))).query()).isEqualTo(PROFILE);
        assertThat(documents.resolve(plain(OTHER)).query()).isEqualTo(OTHER);
    }

    @Test
    void givenEnforcedTrustedDocuments_thenOnlyTheManifestsDocumentsRunByHashOrByText() {
        PersistedDocuments documents = new PersistedDocuments(trusted(PROFILE), true, 10, 10_000);

        assertThat(documents.resolve(hashOnly(Sha256.hex(PROFILE))).query()).isEqualTo(PROFILE);
        assertThat(documents.resolve(plain(PROFILE)).query()).isEqualTo(PROFILE);
        assertThat(catchThrowableOfType(DocumentRefused.class, () -> documents.resolve(plain(OTHER))).code())
                .isEqualTo(EdgeError.PERSISTED_QUERY_NOT_IN_LIST);
        assertThat(catchThrowableOfType(DocumentRefused.class, () -> documents.resolve(hashOnly(Sha256.hex(OTHER))))
                .code()).isEqualTo(EdgeError.PERSISTED_QUERY_NOT_IN_LIST);
        assertThat(catchThrowableOfType(DocumentRefused.class,
                () -> documents.resolve(withHash(OTHER, Sha256.hex(OTHER)))).code())
                .isEqualTo(EdgeError.PERSISTED_QUERY_NOT_IN_LIST);
        assertThat(documents.registeredCount()).isZero();
    }

    @Test
    void givenEnforceWithoutAManifest_thenStartUpStops() {
        IllegalStateException refused = catchThrowableOfType(IllegalStateException.class,
                () -> new PersistedDocuments(TrustedDocuments.NONE, true, 10, 10_000));

        assertThat(refused).hasMessageContaining("app.graphql.trusted-documents.manifest");
    }

    private static TrustedDocuments trusted(String document) {
        return new TrustedDocuments(Map.of(Sha256.hex(document), document));
    }

    private static GraphQlRequest plain(String document) {
        return new GraphQlRequest(document, null, Map.of(), Map.of());
    }

    private static GraphQlRequest hashOnly(String hash) {
        return withHash(null, hash);
    }

    private static GraphQlRequest withHash(String document, String hash) {
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
        return new GraphQlRequest(document, null, Map.of(), extensions);
    }
}
