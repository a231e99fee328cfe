package dev.authgateway.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authgateway.gateway.domain.AccountEmail;
import dev.authgateway.gateway.domain.AccountLifecycle;
import dev.authgateway.gateway.domain.LifecycleAuditEvents;
import dev.authgateway.gateway.domain.LifecycleDirectory;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.AuditEvents;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.gateway.domain.MailAuditEvents;
import dev.authgateway.gateway.domain.SecondFactorChallenge;
import dev.authgateway.gateway.domain.SessionRevocations;
import dev.authgateway.gateway.graphql.EdgeError;
import dev.authgateway.gateway.graphql.GraphQlEndpoint;
import dev.authgateway.gateway.jwt.JwtSettings;
import dev.authgateway.gateway.jwt.SigningKey;
import dev.authgateway.support.config.ApplicationYaml;
import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's HTTP edge as {@link Main#routing} builds it, over a socket, with in-memory ports: one case per code of
 * the error catalogue ({@link EdgeError}), each asserting the status, the media type and {@code extensions.code}.
 * What needs the real store, cache and Redis is in system-tests. The timeout only catches a hang: cases take
 * milliseconds, TIMEOUT's the 2 s budget.
 */
@ServerTest
@Timeout(10)
class MainRoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String SIGNUP = "mutation { signup(input: {username: \"ada\", email: \"ada@example.org\", "
            + "password: \"correct horse battery\", displayName: \"Ada\"}) { accessToken } }";
    private static final String LOGIN = "mutation { login(input: {login: \"ada\", password: \"wrong password\"}) "
            + "{ accessToken } }";

    private static final String TRUSTED = "query Profile { profile { id } }";
    private static final String APP_ORIGIN = "https://app.example.com";
    private static final String REFRESH = "mutation { refreshToken { accessToken refreshToken } }";
    private static final FakeDirectory DIRECTORY = new FakeDirectory();
    private static final FakeAttemptLimits LIMITS = new FakeAttemptLimits();
    private static final FakeMailbox MAILBOX = new FakeMailbox();
    private static final String VERIFY_EMAIL = "mutation { verifyEmail(token: \"t\") }";

    private static boolean warm;

    private final Http1Client client;

    MainRoutingTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        FakeTokens tokens = new FakeTokens();
        Accounts accounts = new Accounts(DIRECTORY, tokens, LIMITS, AuditEvents.NONE, SessionRevocations.NONE,
                Clock.systemUTC(), new AccountEmail(MAILBOX, SessionRevocations.NONE, LIMITS, MailAuditEvents.NONE,
                        true)).withLifecycle(new AccountLifecycle(LifecycleDirectory.NONE, SessionRevocations.NONE,
                LIMITS, LifecycleAuditEvents.NONE, Clock.systemUTC()));
        SigningKey key = SigningKey.generate();
        JwtSettings jwt = new JwtSettings("authgateway", "authgateway-api", Duration.ofMinutes(15),
                Duration.ofSeconds(30), 4096, key, List.of(key));
        Config app = ApplicationYaml.with(Map.of(
                "app.graphql.max-body-bytes", "4096",
                "app.graphql.limits.timeout", "PT2S",
                "app.cors.allowed-origins", APP_ORIGIN,
                "app.sessions.refresh-cookie.enabled", "true")).get("app");
        Main.routing(routing, accounts, tokens, jwt, app);
        routing.register("/enforced", GraphQlEndpoint.create(accounts, tokens, ApplicationYaml.with(Map.of(
                "app.graphql.trusted-documents.manifest", manifest(TRUSTED).toString(),
                "app.graphql.trusted-documents.enforce", "true")).get("app.graphql")));
        routing.get("/defect", (request, response) -> {
            throw new IllegalStateException("a defect");
        });
    }

    /** A request, how the fakes behave for it, and the status it must get. */
    private record Case(EdgeError code, int status, Runnable arrange, Method method, String path,
                        String contentType, String accept, String body, Map<String, String> headers) {
        Case(EdgeError code, int status, Runnable arrange, Method method, String path,
             String contentType, String accept, String body) {
            this(code, status, arrange, method, path, contentType, accept, body, Map.of());
        }

        @Override
        public String toString() {
            return code + " " + method.text() + " " + path;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                post(EdgeError.UNAUTHENTICATED, 200, "{ profile { id } }"),
                arranged(EdgeError.BAD_USER_INPUT, 200, SIGNUP, () -> DIRECTORY.failNext(
                        new GatewayException(ErrorCode.BAD_USER_INPUT, "invalid input", "email"))),
                arranged(EdgeError.CONFLICT, 200, SIGNUP, () -> DIRECTORY.failNext(
                        new GatewayException(ErrorCode.CONFLICT, "already taken", "username"))),
                arranged(EdgeError.INVALID_CREDENTIALS, 200, LOGIN, () -> DIRECTORY.failNext(
                        new GatewayException(ErrorCode.INVALID_CREDENTIALS, "invalid login or password"))),
                arranged(EdgeError.RATE_LIMITED, 200, SIGNUP, () -> LIMITS.refuseNextSignup(
                        GatewayException.rateLimited("too many signups", Duration.ofSeconds(30)))),
                arranged(EdgeError.UNAVAILABLE, 200, SIGNUP, () -> DIRECTORY.failNext(
                        new GatewayException(ErrorCode.UNAVAILABLE, "a backing service is unavailable"))),
                arranged(EdgeError.INTERNAL, 200, SIGNUP, () -> DIRECTORY.failNext(
                        new IllegalStateException("a defect inside a field"))),
                arranged(EdgeError.INVALID_TOKEN, 200, VERIFY_EMAIL, () -> MAILBOX.failNext(
                        new GatewayException(ErrorCode.INVALID_TOKEN, "invalid or expired token", "token"))),
                arranged(EdgeError.EMAIL_NOT_VERIFIED, 200, LOGIN, MAILBOX::unverifiedNext),
                arranged(EdgeError.MFA_REQUIRED, 200, LOGIN, () -> DIRECTORY.failNext(GatewayException.mfaRequired(
                        new SecondFactorChallenge("challenge-1", java.time.Instant.now().plusSeconds(300))))),
                Arguments.of(new Case(EdgeError.SESSION_NOT_FOUND, 200, () -> { }, Method.POST, "/graphql",
                        "application/json", GRAPHQL_RESPONSE, query("mutation { endSession(id: \"not-a-session\") }"),
                        Map.of("Authorization", "Bearer token:u-ada:s-1"))),
                Arguments.of(new Case(EdgeError.CSRF_ORIGIN_REFUSED, 200, () -> { }, Method.POST, "/graphql",
                        "application/json", GRAPHQL_RESPONSE, query(REFRESH),
                        Map.of("Cookie", "authgw_refresh=refresh-1"))),
                Arguments.of(new Case(EdgeError.INTERNAL, 500, () -> { }, Method.GET, "/defect", null, null, null)),
                Arguments.of(new Case(EdgeError.BAD_REQUEST, 400, () -> { }, Method.POST, "/graphql",
                        "application/json", GRAPHQL_RESPONSE, "{\"query\": ")),
                Arguments.of(new Case(EdgeError.BATCHING_DISABLED, 400, () -> { }, Method.POST, "/graphql",
                        "application/json", GRAPHQL_RESPONSE, "[{\"query\": \"{ profile { id } }\"}]")),
                Arguments.of(new Case(EdgeError.NOT_FOUND, 404, () -> { }, Method.GET, "/nowhere", null, null, null)),
                Arguments.of(new Case(EdgeError.METHOD_NOT_ALLOWED, 405, () -> { }, Method.PUT, "/graphql",
                        "application/json", GRAPHQL_RESPONSE, "{}")),
                Arguments.of(new Case(EdgeError.NOT_ACCEPTABLE, 406, () -> { }, Method.POST, "/graphql",
                        "application/json", "text/html", query("{ profile { id } }"))),
                Arguments.of(new Case(EdgeError.PAYLOAD_TOO_LARGE, 413, () -> { }, Method.POST, "/graphql",
                        "application/json", GRAPHQL_RESPONSE, query("{ profile { id } }" + " ".repeat(4096)))),
                Arguments.of(new Case(EdgeError.UNSUPPORTED_MEDIA_TYPE, 415, () -> { }, Method.POST, "/graphql",
                        "text/plain", GRAPHQL_RESPONSE, query("{ profile { id } }"))),
                post(EdgeError.GRAPHQL_PARSE_FAILED, 400, "{ profile { id }"),
                post(EdgeError.GRAPHQL_VALIDATION_FAILED, 400, "{ nothing }"),
                post(EdgeError.QUERY_TOO_DEEP, 400, "{ a".repeat(15) + " }".repeat(15)),
                post(EdgeError.QUERY_TOO_COMPLEX, 400, "{ profile { " + "id ".repeat(101) + "} }"),
                post(EdgeError.TOO_MANY_TOKENS, 400, "{ profile { " + "id ".repeat(1001) + "} }"),
                post(EdgeError.TOO_MANY_ALIASES, 400, "{ " + aliases(11) + " }"),
                post(EdgeError.INTROSPECTION_DISABLED, 400, "{ __schema { queryType { name } } }"),
                Arguments.of(new Case(EdgeError.PERSISTED_QUERY_NOT_FOUND, 400, () -> { }, Method.POST, "/graphql",
                        "application/json", GRAPHQL_RESPONSE, persisted(null, sha256("{ profile { id } }")))),
                Arguments.of(new Case(EdgeError.PERSISTED_QUERY_HASH_MISMATCH, 400, () -> { }, Method.POST,
                        "/graphql", "application/json", GRAPHQL_RESPONSE, persisted("{ profile { id } }",
                        sha256("{ profile { displayName } }")))),
                Arguments.of(new Case(EdgeError.PERSISTED_QUERY_NOT_IN_LIST, 400, () -> { }, Method.POST,
                        "/enforced", "application/json", GRAPHQL_RESPONSE, query("{ profile { displayName } }"))));
    }

    @Test
    void givenAnUnknownHashAsApplicationJson_then200AsApolloServerAnswersIt() {
        try (Http1ClientResponse response = client.get("/graphql")
                .queryParam("extensions", "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \""
                        + sha256("{ profile { displayName } }") + "\"}}")
                .header(HeaderNames.ACCEPT, "application/json").request()) {
            assertThat(response.status().code()).isEqualTo(200);
            assertThat(response.entity().as(String.class)).contains("\"PersistedQueryNotFound\"");
        }
    }

    @Test
    void givenAHashRegisteredByPost_thenAGetWithTheHashAloneRunsItAndAMutationByHashIs405() throws Exception {
        String document = "{ me: profile { id } }";
        String mutation = "mutation { logout }";
        try (Http1ClientResponse registered = client.post("/graphql").header(HeaderNames.CONTENT_TYPE,
                "application/json").submit(persisted(document, sha256(document)));
             Http1ClientResponse byHash = client.get("/graphql").queryParam("extensions", extension(sha256(document)))
                     .header(HeaderNames.ACCEPT, GRAPHQL_RESPONSE).request();
             Http1ClientResponse mutationRegistered = client.post("/graphql").header(HeaderNames.CONTENT_TYPE,
                     "application/json").submit(persisted(mutation, sha256(mutation)));
             Http1ClientResponse mutationByGet = client.get("/graphql")
                     .queryParam("extensions", extension(sha256(mutation))).request()) {
            assertThat(registered.entity().as(String.class)).contains("\"UNAUTHENTICATED\"");
            assertThat(byHash.status().code()).isEqualTo(200);
            assertThat(byHash.entity().as(String.class)).contains("\"UNAUTHENTICATED\"").contains("\"me\"");
            assertThat(mutationRegistered.status().code()).isEqualTo(200);
            assertThat(mutationByGet.status().code()).isEqualTo(405);
        }
    }

    @Test
    void givenEnforcedTrustedDocuments_thenAListedDocumentRunsByHash() throws Exception {
        try (Http1ClientResponse response = client.post("/enforced").header(HeaderNames.CONTENT_TYPE,
                "application/json").header(HeaderNames.ACCEPT, GRAPHQL_RESPONSE).submit(persisted(null,
                sha256(TRUSTED)))) {
            assertThat(response.status().code()).isEqualTo(200);
            assertThat(response.entity().as(String.class)).contains("\"UNAUTHENTICATED\"");
        }
    }

    /** The first request loads and compiles the whole path; the cases time the answers, not that. */
    @BeforeEach
    void warmUp() {
        if (!warm) {
            try (Http1ClientResponse ignored = client.post("/graphql")
                    .header(HeaderNames.CONTENT_TYPE, "application/json").submit(query("{ profile { id } }"))) {
                warm = true;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenARequestThatFailsThisWay_thenItsCodeAndStatusAreTheCatalogues(Case call) throws Exception {
        call.arrange().run();
        try (Http1ClientResponse response = request(call)) {
            JsonNode error = JSON.readTree(response.entity().as(String.class)).path("errors").path(0);

            assertThat(error.path("extensions").path("code").asText()).isEqualTo(call.code().name());
            assertThat(response.status().code()).isEqualTo(call.status());
            assertThat(error.path("message").asText()).isNotBlank().doesNotContain("defect");
            assertThat(response.headers().first(HeaderNames.CONTENT_TYPE).orElseThrow())
                    .isIn(GRAPHQL_RESPONSE + "; charset=utf-8", "application/json; charset=utf-8");
        }
    }

    @Test
    void givenMfaRequired_thenTheChallengeAndTheSecondsLeftToAnswerItAreExtensions() throws Exception {
        DIRECTORY.failNext(GatewayException.mfaRequired(
                new SecondFactorChallenge("challenge-1", java.time.Instant.now().plusSeconds(300))));
        try (Http1ClientResponse response = request(new Case(EdgeError.MFA_REQUIRED, 200, () -> { }, Method.POST,
                "/graphql", "application/json", GRAPHQL_RESPONSE, query(LOGIN)))) {
            JsonNode body = JSON.readTree(response.entity().as(String.class));
            JsonNode extensions = body.path("errors").path(0).path("extensions");

            assertThat(extensions.path("code").asText()).isEqualTo("MFA_REQUIRED");
            assertThat(extensions.path("challenge").asText()).isEqualTo("challenge-1");
            assertThat(extensions.path("challengeExpiresInSeconds").asLong()).isBetween(290L, 300L);
            assertThat(body.path("data").isNull()).as("login is non-null: no data").isTrue();
            assertThat(response.headers().contains(HeaderNames.SET_COOKIE)).as("no session, no cookie").isFalse();
        }
    }

    @Test
    void givenTheCases_thenEveryCodeOfTheCatalogueHasOne() {
        Set<EdgeError> covered = cases().map(arguments -> ((Case) arguments.get()[0]).code())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EdgeError.class)));

        // TIMEOUT has its own test below, OVERLOADED its own class (AdmissionRoutingTest).
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                EnumSet.complementOf(EnumSet.of(EdgeError.TIMEOUT, EdgeError.OVERLOADED)));
    }

    @Test
    void givenAFieldSlowerThanTheTimeout_thenTimeout504() throws Exception {
        DIRECTORY.delayEveryCall(Duration.ofMillis(2500));
        try (Http1ClientResponse response = request(new Case(EdgeError.TIMEOUT, 504, () -> { }, Method.POST,
                "/graphql", "application/json", GRAPHQL_RESPONSE, query(SIGNUP)))) {
            assertThat(response.status().code()).isEqualTo(EdgeError.TIMEOUT.status());
            assertThat(response.entity().as(String.class)).contains("\"TIMEOUT\"");
        } finally {
            DIRECTORY.delayEveryCall(Duration.ZERO);
        }
    }

    @Test
    void givenEveryDomainCode_thenTheCatalogueHasItUnderTheSameName() {
        assertThat(Arrays.stream(ErrorCode.values()).map(code -> EdgeError.of(code).name()))
                .containsExactly(Arrays.stream(ErrorCode.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void givenAMutationSentWithGet_thenMethodNotAllowedWithAllowPost() {
        try (Http1ClientResponse response = client.get("/graphql")
                .queryParam("query", "mutation { logout }").header(HeaderNames.ACCEPT, GRAPHQL_RESPONSE).request()) {
            assertThat(response.status().code()).isEqualTo(EdgeError.METHOD_NOT_ALLOWED.status());
            assertThat(response.headers().first(HeaderNames.ALLOW)).contains("POST");
            assertThat(response.entity().as(String.class)).contains("\"METHOD_NOT_ALLOWED\"");
        }
    }

    @Test
    void givenADocumentRefusedAsApplicationJson_thenItIsAnsweredWith200AsTheSpecAsksForOlderClients() {
        try (Http1ClientResponse response = client.post("/graphql")
                .header(HeaderNames.CONTENT_TYPE, "application/json").header(HeaderNames.ACCEPT, "application/json")
                .submit(query("{ nothing }"))) {
            assertThat(response.status().code()).isEqualTo(200);
            assertThat(response.entity().as(String.class)).contains("\"GRAPHQL_VALIDATION_FAILED\"");
        }
    }

    @ParameterizedTest(name = "Accept: {0}")
    @NullSource
    @ValueSource(strings = {"*/*", "application/*", "application/json"})
    void givenNoAcceptOrAWildcard_thenApplicationJsonWithItsStatusRules(String accept) {
        try (Http1ClientResponse parseFailed = request(new Case(EdgeError.GRAPHQL_PARSE_FAILED, 200, () -> { },
                Method.POST, "/graphql", "application/json", accept, query("{ profile { id }")));
             Http1ClientResponse notJson = request(new Case(EdgeError.BAD_REQUEST, 400, () -> { },
                     Method.POST, "/graphql", "application/json", accept, "{\"query\": "))) {
            assertThat(parseFailed.status().code()).isEqualTo(200);
            assertThat(parseFailed.headers().first(HeaderNames.CONTENT_TYPE))
                    .contains("application/json; charset=utf-8");
            assertThat(parseFailed.entity().as(String.class)).contains("\"GRAPHQL_PARSE_FAILED\"");
            assertThat(notJson.status().code()).isEqualTo(400);
            assertThat(notJson.headers().first(HeaderNames.CONTENT_TYPE))
                    .contains("application/json; charset=utf-8");
        }
    }

    @Test
    void givenGraphqlResponseJsonNamedBesideAWildcard_thenARefusedDocumentIs400InThatType() {
        try (Http1ClientResponse response = request(new Case(EdgeError.GRAPHQL_PARSE_FAILED, 400, () -> { },
                Method.POST, "/graphql", "application/json", "*/*, " + GRAPHQL_RESPONSE, query("{ profile { id }")))) {
            assertThat(response.status().code()).isEqualTo(400);
            assertThat(response.headers().first(HeaderNames.CONTENT_TYPE))
                    .contains(GRAPHQL_RESPONSE + "; charset=utf-8");
        }
    }

    @Test
    void givenARateLimitedSignup_thenTheAnswerSaysWhenToRetry() throws Exception {
        LIMITS.refuseNextSignup(GatewayException.rateLimited("too many signups", Duration.ofSeconds(30)));
        try (Http1ClientResponse response = request(new Case(EdgeError.RATE_LIMITED, 200, () -> { }, Method.POST,
                "/graphql", "application/json", GRAPHQL_RESPONSE, query(SIGNUP)))) {
            JsonNode extensions = JSON.readTree(response.entity().as(String.class))
                    .path("errors").path(0).path("extensions");
            assertThat(extensions.path("retryAfterSeconds").asLong()).isEqualTo(30);
        }
    }

    private Http1ClientResponse request(Case call) {
        Http1ClientRequest request = client.method(call.method()).path(call.path());
        if (call.contentType() != null) {
            request.header(HeaderNames.CONTENT_TYPE, call.contentType());
        }
        if (call.accept() != null) {
            request.header(HeaderNames.ACCEPT, call.accept());
        }
        call.headers().forEach((name, value) -> request.header(HeaderNames.create(name), value));
        return call.body() == null ? request.request() : request.submit(call.body());
    }

    @Test
    void givenTheRefreshCookieOn_thenSignupSetsItHttpOnlyAndTheBodyHoldsNoRefreshToken() throws Exception {
        try (Http1ClientResponse response = request(new Case(null, 200, () -> { }, Method.POST, "/graphql",
                "application/json", GRAPHQL_RESPONSE,
                query(SIGNUP.replace("{ accessToken }", "{ accessToken refreshToken refreshExpiresIn }"))))) {
            JsonNode signup = JSON.readTree(response.entity().as(String.class)).path("data").path("signup");

            assertThat(signup.path("accessToken").asText()).isNotBlank();
            assertThat(signup.get("refreshToken").isNull()).isTrue();
            assertThat(response.headers().all(HeaderNames.SET_COOKIE, List::of)).containsExactly(
                    "authgw_refresh=refresh-1; Max-Age=" + signup.path("refreshExpiresIn").asLong()
                            + "; Path=/graphql; HttpOnly; Secure; SameSite=Strict");
        }
    }

    @Test
    void givenTheCookieFromAnAllowedOrigin_thenRefreshSpendsItAndSetsTheNext() throws Exception {
        try (Http1ClientResponse response = request(new Case(null, 200, () -> { }, Method.POST, "/graphql",
                "application/json", GRAPHQL_RESPONSE, query(REFRESH),
                Map.of("Cookie", "theme=dark; authgw_refresh=refresh-1", "Origin", APP_ORIGIN)))) {
            JsonNode body = JSON.readTree(response.entity().as(String.class));

            assertThat(body.path("errors").isMissingNode()).as(body.toString()).isTrue();
            assertThat(body.path("data").path("refreshToken").get("refreshToken").isNull()).isTrue();
            assertThat(response.headers().first(HeaderNames.SET_COOKIE)).hasValueSatisfying(cookie ->
                    assertThat(cookie).startsWith("authgw_refresh=refresh-1; Max-Age="));
        }
    }

    /** No Origin, or the opaque "null" of a sandboxed frame or a redirect: CORS lets these through, the field not. */
    @ParameterizedTest(name = "Origin: {0}")
    @NullSource
    @ValueSource(strings = {"null"})
    void givenTheCookieWithoutAnAllowedOrigin_thenRefusedAndNothingSet(String origin) throws Exception {
        Map<String, String> headers = origin == null ? Map.of("Cookie", "authgw_refresh=refresh-1")
                : Map.of("Cookie", "authgw_refresh=refresh-1", "Origin", origin);
        try (Http1ClientResponse response = request(new Case(EdgeError.CSRF_ORIGIN_REFUSED, 200, () -> { },
                Method.POST, "/graphql", "application/json", GRAPHQL_RESPONSE, query(REFRESH), headers))) {
            assertThat(response.entity().as(String.class)).contains("\"CSRF_ORIGIN_REFUSED\"");
            assertThat(response.headers().contains(HeaderNames.SET_COOKIE)).isFalse();
        }
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {"https://evil.example", "https://app.example.com.evil.example"})
    void givenTheCookieFromAnotherOrigin_thenCorsRefusesItBeforeAnyField(String origin) {
        try (Http1ClientResponse response = request(new Case(null, 403, () -> { }, Method.POST, "/graphql",
                "application/json", GRAPHQL_RESPONSE, query(REFRESH),
                Map.of("Cookie", "authgw_refresh=refresh-1", "Origin", origin)))) {
            assertThat(response.status().code()).isEqualTo(403);
            assertThat(response.headers().contains(HeaderNames.SET_COOKIE)).isFalse();
        }
    }

    @Test
    void givenTheCookieInAFormPost_thenUnsupportedMediaTypeBeforeTheOriginIsEvenAsked() {
        try (Http1ClientResponse response = request(new Case(EdgeError.UNSUPPORTED_MEDIA_TYPE, 415, () -> { },
                Method.POST, "/graphql", "application/x-www-form-urlencoded", null,
                "query=" + REFRESH.replace(' ', '+'), Map.of("Cookie", "authgw_refresh=refresh-1",
                        "Origin", APP_ORIGIN)))) {
            assertThat(response.status().code()).isEqualTo(415);
            assertThat(response.headers().contains(HeaderNames.SET_COOKIE)).isFalse();
        }
    }

    @Test
    void givenLogout_thenTheRefreshCookieIsCleared() {
        try (Http1ClientResponse response = request(new Case(null, 200, () -> { }, Method.POST, "/graphql",
                "application/json", GRAPHQL_RESPONSE, query("mutation { logout }"),
                Map.of("Authorization", "Bearer token:" + FakeDirectory.ADA.id() + ":session-1")))) {
            assertThat(response.entity().as(String.class)).contains("\"logout\":true");
            assertThat(response.headers().first(HeaderNames.SET_COOKIE)).contains(
                    "authgw_refresh=; Max-Age=0; Path=/graphql; HttpOnly; Secure; SameSite=Strict");
        }
    }

    @Test
    void givenNoTokenArgumentAndNoCookie_thenUnauthenticated() {
        try (Http1ClientResponse response = request(new Case(EdgeError.UNAUTHENTICATED, 200, () -> { },
                Method.POST, "/graphql", "application/json", GRAPHQL_RESPONSE, query(REFRESH),
                Map.of("Origin", APP_ORIGIN)))) {
            assertThat(response.entity().as(String.class)).contains("\"UNAUTHENTICATED\"");
        }
    }

    @Test
    void givenACredentialedPreflightFromTheAllowedOrigin_thenCredentialsAllowedForThatOriginExactly() {
        try (Http1ClientResponse response = client.method(Method.OPTIONS).path("/graphql")
                .header(HeaderNames.ORIGIN, APP_ORIGIN)
                .header(HeaderNames.create("Access-Control-Request-Method"), "POST")
                .header(HeaderNames.create("Access-Control-Request-Headers"), "content-type")
                .request()) {
            assertThat(response.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).contains(APP_ORIGIN);
            assertThat(response.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS)).contains("true");
        }
    }

    private static Arguments post(EdgeError code, int status, String document) {
        return arranged(code, status, document, () -> { });
    }

    private static Arguments arranged(EdgeError code, int status, String document, Runnable arrange) {
        return Arguments.of(new Case(code, status, arrange, Method.POST, "/graphql",
                "application/json", GRAPHQL_RESPONSE, query(document)));
    }

    private static String query(String document) {
        try {
            return JSON.writeValueAsString(Map.of("query", document));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String persisted(String document, String hash) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (document != null) {
            body.put("query", document);
        }
        body.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String extension(String hash) {
        return "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + hash + "\"}}";
    }

    private static String sha256(String document) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Apollo manifest with one operation, in a temporary file. */
    private static java.nio.file.Path manifest(String document) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("trusted-documents", ".json");
            file.toFile().deleteOnExit();
            return java.nio.file.Files.writeString(file, JSON.writeValueAsString(Map.of(
                    "format", "apollo-persisted-query-manifest", "version", 1, "operations", List.of(Map.of(
                            "id", sha256(document), "body", document, "name", "Profile", "type", "query")))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String aliases(int count) {
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < count; i++) {
            aliases.append("a").append(i).append(": profile { id } ");
        }
        return aliases.toString();
    }
}
