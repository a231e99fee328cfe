package dev.authgateway.support.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/graphql", "/graphql/", "/graphql/schema.graphql", "/.well-known/jwks.json",
            "/graphiql/vendor/graphiql/graphiql.min.js", "/observe/health/ready", "/a~b_c-d"})
    void givenAPathAsARouteNamesIt_thenCanonical(String path) {
        assertThat(CanonicalPaths.canonical(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/graphql/..;/observe/metrics", "/graphql/../observe", "/graphql/./schema.graphql",
            "/%2e%2e/observe", "/graphql%2fschema.graphql", "//graphql", "/graphql//", "/graphql;x=1", "/graphql;",
            "/graphql\\..\\observe", "/%c0%ae%c0%ae/observe", "/gr%61phql", "/.", "/..", "/graphql/.", "/graph ql",
            "/graphql/%00", "/grаphql"})
    void givenAnyOtherSpelling_thenNotCanonical(String path) {
        assertThat(CanonicalPaths.canonical(path)).isFalse();
    }
}
