package dev.authgateway.gateway.graphql;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.gateway.domain.UserDirectory;
import dev.authgateway.support.testing.LogRecords;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestContextTest {

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler recorder = LogRecords.collectingInto(logged);

    @BeforeEach
    void recordLogs() {
        Logger.getLogger("").addHandler(recorder);
    }

    @AfterEach
    void stopRecording() {
        Logger.getLogger("").removeHandler(recorder);
    }

    @Test
    void givenAVerifierThatThrowsSomethingUnexpected_thenUnauthenticatedAndOneLogLineWithoutAStackTrace() {
        AccessTokens failing = new AccessTokens() {
            @Override
            public IssuedToken issue(String userId, String sessionId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public dev.authgateway.gateway.domain.Caller verify(String token) {
                throw new ClassCastException("class jakarta.json.JsonString cannot be cast to " + token);
            }
        };
        UserDirectory unused = (UserDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UserDirectory.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });

        ExecutionResult result = ExecutableSchema.graphQl(new Accounts(unused, failing), failing, 0)
                .execute(ExecutionInput.newExecutionInput("{ profile { id } }")
                        .graphQLContext(Map.of(RequestContext.AUTHORIZATION, "Bearer eyJ.secret-token.x")).build());

        assertThat(result.getErrors()).singleElement().satisfies(error ->
                assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED"));
        assertThat(logged).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .singleElement().satisfies(record -> {
                    assertThat(record.getThrown()).isNull();
                    assertThat(record.getMessage()).doesNotContain("\n").doesNotContain("secret-token");
                });
    }

    @Test
    void givenTheBearerSchemeInAnyCase_thenTheTokenIsVerifiedAndOtherSchemesAreRefused() {
        List<String> verified = new CopyOnWriteArrayList<>();
        AccessTokens recording = new AccessTokens() {
            @Override
            public IssuedToken issue(String userId, String sessionId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public dev.authgateway.gateway.domain.Caller verify(String token) {
                verified.add(token);
                throw new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired token");
            }
        };
        UserDirectory unused = (UserDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UserDirectory.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        var graphql = ExecutableSchema.graphQl(new Accounts(unused, recording), recording, 0);

        for (String header : List.of("Bearer a.b.c", "bearer d.e.f", "BEARER g.h.i ", "Basic a.b.c", "Bearer",
                "Bearerx.y.z")) {
            ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput("{ profile { id } }")
                    .graphQLContext(Map.of(RequestContext.AUTHORIZATION, header)).build());
            assertThat(result.getErrors()).as(header).singleElement().satisfies(error ->
                    assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED"));
        }
        assertThat(verified).containsExactly("a.b.c", "d.e.f", "g.h.i");
    }
}
