package dev.authgateway.perf.jmh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.Caller;
import dev.authgateway.gateway.domain.LoginSubject;
import dev.authgateway.gateway.domain.NewAccount;
import dev.authgateway.gateway.domain.Session;
import dev.authgateway.gateway.domain.User;
import dev.authgateway.gateway.domain.UserDirectory;
import dev.authgateway.gateway.graphql.ExecutableSchema;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Stage 2: executing the profile query, with the user already at hand, with and without the document cache. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GraphQlExecutionBenchmark {

    static final String PROFILE = "query Profile { profile { id username email displayName createdAt } }";
    private static final User ADA = new User("6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60", "ada", "ada@example.com",
            "Ada Lovelace", Instant.parse("2026-01-01T00:00:00Z"));

    @Param({"1000", "0"})
    public int documentCacheSize;

    private GraphQL graphql;

    @Setup
    public void setUp() {
        graphql = ExecutableSchema.graphQl(new Accounts(new InMemoryDirectory(), new TrustingTokens()),
                new TrustingTokens(), InProcess.config("graphql-gateway", java.util.Map.of()).get("app.graphql"),
                documentCacheSize);
    }

    @Benchmark
    public Object executeProfileQuery() {
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput()
                .query(PROFILE)
                .graphQLContext(Map.of("authorization", "Bearer user"))
                .build());
        return result.getData();
    }

    static final class InMemoryDirectory implements UserDirectory {
        @Override
        public User create(NewAccount account) {
            return ADA;
        }

        @Override
        public LoginSubject resolveLogin(String login) {
            return new LoginSubject(ADA.id(), login);
        }

        @Override
        public User verifyCredentials(String login, String password) {
            return ADA;
        }

        @Override
        public User get(String userId) {
            return ADA;
        }

        @Override
        public User updateDisplayName(String userId, String displayName) {
            return ADA;
        }

        @Override
        public Session startSession(String userId) {
            throw new UnsupportedOperationException("not on the measured path");
        }

        @Override
        public Session refreshSession(String refreshToken) {
            throw new UnsupportedOperationException("not on the measured path");
        }

        @Override
        public List<String> endSession(String sessionId, String userId) {
            return List.of();
        }

        @Override
        public List<String> endAllSessions(String userId) {
            return List.of();
        }
    }

    static final class TrustingTokens implements AccessTokens {
        @Override
        public IssuedToken issue(String userId, String sessionId) {
            return new IssuedToken(userId, Duration.ofMinutes(15));
        }

        @Override
        public Caller verify(String token) {
            return new Caller(ADA.id(), "session");
        }
    }
}
