package dev.authgateway.gateway.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.support.config.ApplicationYaml;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.helidon.config.Config;

/**
 * The executable schema: {@code schema.graphql} with its fields wired to the use cases, failures of fields shaped by
 * {@link FetcherErrors}, documents checked against the query limits and cached ({@link LimitedDocuments}).
 */
public final class ExecutableSchema {

    private static final String SCHEMA_RESOURCE = "/schema.graphql";

    private ExecutableSchema() {
    }

    /** The executable schema with the default limits; documentCacheSize 0 parses and validates every request. */
    public static GraphQL graphQl(Accounts accounts, AccessTokens tokens, int documentCacheSize) {
        return graphQl(accounts, tokens, ApplicationYaml.alone().get("app.graphql"), documentCacheSize);
    }

    /** The executable schema with the limits of {@code graphqlConfig} (an {@code app.graphql} node). */
    public static GraphQL graphQl(Accounts accounts, AccessTokens tokens, Config graphqlConfig,
                                  int documentCacheSize) {
        return build(accounts, tokens, new LimitedDocuments(QueryLimits.from(graphqlConfig),
                AnalysisLimits.from(graphqlConfig), documentCacheSize));
    }

    static GraphQL build(Accounts accounts, AccessTokens tokens, LimitedDocuments documents) {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse(schemaText()), new AccountFetchers(accounts).wiring()
                        .transform(new SecondFactorFetchers(accounts)::wire)
                        .transform(new LifecycleFetchers(accounts)::wire)
                        .transform(new PasskeyFetchers(accounts)::wire));
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new FetcherErrors())
                .preparsedDocumentProvider(documents)
                .build();
    }

    static String schemaText() {
        try (InputStream in = ExecutableSchema.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
