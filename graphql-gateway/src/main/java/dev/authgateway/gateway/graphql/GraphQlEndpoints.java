package dev.authgateway.gateway.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.Accounts;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.helidon.config.Config;

/** Builds the GraphQL endpoint once: schema from {@code schema.graphql}, fields wired to the use cases. */
public final class GraphQlEndpoints {

    private static final String SCHEMA_RESOURCE = "/schema.graphql";

    private GraphQlEndpoints() {
    }

    public static GraphQlEndpoint create(Accounts accounts, AccessTokens tokens, Config graphqlConfig) {
        GraphQL graphql = graphQl(accounts, tokens, graphqlConfig.get("document-cache-size").asInt().orElse(1000));
        return new GraphQlEndpoint(graphql, schemaText(), graphqlConfig.get("max-body-bytes").asInt().orElse(65_536));
    }

    /** The executable schema; documentCacheSize 0 parses and validates every request anew. */
    public static GraphQL graphQl(Accounts accounts, AccessTokens tokens, int documentCacheSize) {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse(schemaText()), new AccountFetchers(accounts, tokens).wiring());
        GraphQL.Builder graphql = GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new FetcherErrors());
        if (documentCacheSize > 0) {
            graphql.preparsedDocumentProvider(new CachedDocuments(documentCacheSize));
        }
        return graphql.build();
    }

    private static String schemaText() {
        try (InputStream in = GraphQlEndpoints.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
