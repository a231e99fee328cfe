package dev.authgateway.gateway.graphql;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

/**
 * Every document passes the query limits before graphql-java validates it, and each distinct document is parsed,
 * checked and validated once: frontends send the same few documents over and over, and parsing plus validation
 * costs more than executing a cache hit. Validation does not depend on variable values, so the text of the
 * document is the whole key. The cache is bounded; the least recently used documents go first.
 */
final class LimitedDocuments implements PreparsedDocumentProvider {

    private final QueryLimits limits;
    private final ParserOptions parserOptions;
    private final Cache<String, PreparsedDocumentEntry> documents;

    LimitedDocuments(QueryLimits limits, long cacheSize) {
        this.limits = limits;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(
                options -> options.maxTokens(limits.maxTokens()));
        this.documents = cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
    }

    /** For the execution input's context, so graphql-java's own parse has the same token limit. */
    ParserOptions parserOptions() {
        return parserOptions;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry entry = documents == null
                ? checked(input, parseAndValidate)
                : documents.get(input.getQuery(), query -> checked(input, parseAndValidate));
        return CompletableFuture.completedFuture(entry);
    }

    private PreparsedDocumentEntry checked(ExecutionInput input,
                                           Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(input.getQuery()).parserOptions(parserOptions).build());
        } catch (InvalidSyntaxException e) {
            return parseAndValidate.apply(input);
        }
        return violation(DocumentShape.of(document))
                .map(PreparsedDocumentEntry::new)
                .orElseGet(() -> parseAndValidate.apply(input));
    }

    private Optional<GraphQLError> violation(DocumentShape shape) {
        if (shape.depth() > limits.maxDepth()) {
            return refusal("QUERY_TOO_DEEP", "the document nests " + shape.depth()
                    + " levels deep; at most " + limits.maxDepth() + " are allowed");
        }
        if (shape.aliases() > limits.maxAliases()) {
            return refusal("TOO_MANY_ALIASES", "the document uses " + shape.aliases()
                    + " aliases; at most " + limits.maxAliases() + " are allowed");
        }
        if (shape.cost() > limits.maxCost()) {
            return refusal("QUERY_TOO_COMPLEX", "the document selects " + shape.cost()
                    + " fields; at most " + limits.maxCost() + " are allowed");
        }
        if (shape.introspection() && !limits.introspection()) {
            return refusal("INTROSPECTION_DISABLED", "introspection is disabled on this server");
        }
        return Optional.empty();
    }

    private static Optional<GraphQLError> refusal(String code, String message) {
        return Optional.of(GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.ValidationError)
                .extensions(Map.of("code", code))
                .build());
    }
}
