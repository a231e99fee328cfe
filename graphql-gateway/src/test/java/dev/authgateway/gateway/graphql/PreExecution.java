package dev.authgateway.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.authgateway.support.config.ApplicationYaml;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import io.helidon.config.Config;

/**
 * What the gateway does with a document before any field runs, alone: whether a GET would be a mutation, then its
 * document provider (parse, limit checks) and graphql-java's parse and validation, with execution replaced by
 * nothing. The schema, provider and limits are the gateway's own, from the given configuration.
 */
final class PreExecution {

    private static final ExecutionResult NOTHING = ExecutionResult.newExecutionResult().data(Map.of()).build();

    private final GraphQL graphql;
    private final LimitedDocuments documents;

    private PreExecution(Config graphqlConfig) {
        documents = new LimitedDocuments(QueryLimits.from(graphqlConfig), AnalysisLimits.from(graphqlConfig), 0);
        NoExecution none = new NoExecution();
        graphql = ExecutableSchema.graphQl(null, null, 0).transform(builder -> builder
                .preparsedDocumentProvider(documents)
                .queryExecutionStrategy(none)
                .mutationExecutionStrategy(none)
                .subscriptionExecutionStrategy(none));
    }

    /** With the defaults of application.yaml: introspection off. */
    static PreExecution defaults() {
        return new PreExecution(ApplicationYaml.alone().get("app.graphql"));
    }

    static PreExecution withIntrospection() {
        return new PreExecution(ApplicationYaml.with(Map.of("app.graphql.introspection", "true")).get("app.graphql"));
    }

    /** The codes of the errors the document is answered with; none when it would execute. */
    List<String> codes(String document, String operationName) {
        Operations.isMutation(document, operationName, documents.parserOptions());
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput()
                .query(document).operationName(operationName).build());
        List<String> codes = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            codes.add((String) EdgeError.shapedCode(error));
        }
        return codes;
    }

    private static final class NoExecution extends AsyncExecutionStrategy {
        @Override
        public CompletableFuture<ExecutionResult> execute(ExecutionContext context,
                                                          ExecutionStrategyParameters parameters) {
            return CompletableFuture.completedFuture(NOTHING);
        }
    }
}
