package dev.authgateway.gateway.graphql;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TrustedDocumentsTest {

    private static final String PROFILE = "query Profile { profile { id } }";

    @TempDir
    Path directory;

    @Test
    void givenAnApolloManifest_thenEachOperationIsKnownByItsSha256() throws Exception {
        Path manifest = write("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": "
                + "[{\"id\": \"" + Sha256.hex(PROFILE) + "\", \"body\": \"" + PROFILE + "\", \"name\": \"Profile\", "
                + "\"type\": \"query\"}]}");

        TrustedDocuments trusted = TrustedDocuments.load(manifest.toString());

        assertThat(trusted.document(Sha256.hex(PROFILE))).isEqualTo(PROFILE);
    }

    @Test
    void givenACodegenPersistedDocumentsFile_thenEachEntryIsKnownByItsSha256() throws Exception {
        Path manifest = write("{\"" + Sha256.hex(PROFILE) + "\": \"" + PROFILE + "\"}");

        assertThat(TrustedDocuments.load(manifest.toString()).contains(Sha256.hex(PROFILE))).isTrue();
    }

    @Test
    void givenIdsPrefixedSha256AsClientPreset6WritesThem_thenEachEntryIsKnownByItsBareSha256() throws Exception {
        Path manifest = write("{\"sha256:" + Sha256.hex(PROFILE) + "\": \"" + PROFILE + "\"}");

        assertThat(TrustedDocuments.load(manifest.toString()).document(Sha256.hex(PROFILE))).isEqualTo(PROFILE);
    }

    @Test
    void givenASha256PrefixOnAnotherBodysHash_thenLoadingStops() throws Exception {
        Path manifest = write("{\"sha256:" + "0".repeat(64) + "\": \"" + PROFILE + "\"}");

        assertThat(catchThrowableOfType(IllegalStateException.class, () -> TrustedDocuments.load(manifest.toString())))
                .hasMessageContaining("sha256:" + "0".repeat(64));
    }

    @Test
    void givenTheExampleClientsCodegenManifest_thenEachOfItsOperationsIsKnown() {
        // Made by GraphQL Code Generator's client preset as docs/frontends.md says (tools/example-client.mjs).
        Path manifest = Path.of("..", "docs", "examples", "browser-client", "src", "gql", "persisted-documents.json");

        TrustedDocuments trusted = TrustedDocuments.load(manifest.toString());

        assertThat(trusted.byHash().values()).extracting(body -> body.split("[ ({]")[1])
                .containsExactlyInAnyOrder("Signup", "Login", "VerifySecondFactor", "Profile", "Refresh", "Logout",
                        "VerifyEmail", "ResendVerification", "RequestPasswordReset", "ResetPassword", "ChangePassword",
                        "EnrollTotp", "ConfirmTotp", "DisableTotp", "StartPasskeyRegistration",
                        "FinishPasskeyRegistration", "Passkeys", "RemovePasskey", "StartPasskeyLogin",
                        "FinishPasskeyLogin", "Sessions", "EndSession", "ExportAccount", "RequestEmailChange",
                        "ConfirmEmailChange", "DeleteAccount");
    }

    @Test
    void givenAnEntryWhoseIdIsNotTheSha256OfItsBody_thenLoadingStopsNamingTheEntry() throws Exception {
        Path manifest = write("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": "
                + "[{\"id\": \"" + "0".repeat(64) + "\", \"body\": \"" + PROFILE + "\", \"name\": \"Profile\"}]}");

        IllegalStateException refused = catchThrowableOfType(IllegalStateException.class,
                () -> TrustedDocuments.load(manifest.toString()));

        assertThat(refused).hasMessageContaining("operations[0] (Profile)").hasMessageContaining(Sha256.hex(PROFILE));
    }

    @Test
    void givenASha1CodegenFile_thenLoadingStopsNamingTheEntry() throws Exception {
        Path manifest = write("{\"d1a0b0c8a3f6d0b4c2e5f7a9b1c3d5e7f9a1b3c5\": \"" + PROFILE + "\"}");

        assertThat(catchThrowableOfType(IllegalStateException.class, () -> TrustedDocuments.load(manifest.toString())))
                .hasMessageContaining("d1a0b0c8a3f6d0b4c2e5f7a9b1c3d5e7f9a1b3c5");
    }

    @Test
    void givenAnUnknownFormatOrNotJson_thenLoadingStops() throws Exception {
        Path otherFormat = write("{\"format\": \"relay\", \"version\": 1, \"operations\": []}");
        Path notJson = write("operations:");

        assertThat(catchThrowableOfType(IllegalStateException.class, () -> TrustedDocuments.load(otherFormat.toString())))
                .hasMessageContaining("apollo-persisted-query-manifest");
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> TrustedDocuments.load(notJson.toString())))
                .hasMessageContaining(notJson.toString());
    }

    @Test
    void givenNoPath_thenNoDocuments() {
        assertThat(TrustedDocuments.load("").byHash()).isEmpty();
    }

    private Path write(String json) throws Exception {
        return Files.writeString(Files.createTempFile(directory, "manifest", ".json"), json);
    }
}
