package dev.authgateway.gateway.graphql;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;

/**
 * Every document passes the query limits before graphql-java validates it, and each distinct document is parsed,
 * checked and validated once: frontends send the same few documents over and over, and parsing plus validation
 * costs more than executing a cache hit. Validation does not depend on variable values, so the text of the
 * document is the whole key. The cache is bounded; the least recently used documents go first.
 *
 * <p>The whole of this is bounded in time by the document's size, not by a timer: the parser stops at its limits,
 * {@link DocumentShape} is linear, and validation only sees documents whose expanded selections are within
 * {@link AnalysisLimits#maxSelections()} (graphql-java's overlapping-fields rule expands fragments per field).
 */
final class LimitedDocuments implements PreparsedDocumentProvider {

    private final QueryLimits limits;
    private final AnalysisLimits analysis;
    private final ParserOptions parserOptions;
    private final int ceiling;
    private final Cache<String, PreparsedDocumentEntry> documents;

    LimitedDocuments(QueryLimits limits, AnalysisLimits analysis, long cacheSize) {
        this.limits = limits;
        this.analysis = analysis;
        this.parserOptions = analysis.parserOptions(limits.maxTokens());
        this.ceiling = Math.max(Math.max(limits.maxDepth(), limits.maxAliases()),
                Math.max(limits.maxCost(), analysis.maxSelections())) + 1;
        this.documents = cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
    }

    /** For reading a document outside execution (whether it is a mutation) within the same limits. */
    ParserOptions parserOptions() {
        return parserOptions;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        input.getGraphQLContext().put(ParserOptions.class, parserOptions); // graphql-java's own parse reads them here
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
        } catch (ParseCancelledTooDeepException e) {
            return new PreparsedDocumentEntry(EdgeError.QUERY_TOO_DEEP.refusal(
                    "the document nests deeper than the parser reads (" + analysis.maxRuleDepth() + " grammar rules)"));
        } catch (ParseCancelledException e) {
            return new PreparsedDocumentEntry(EdgeError.TOO_MANY_TOKENS.refusal(e.getMessage()));
        } catch (InvalidSyntaxException e) {
            return parseAndValidate.apply(input);
        }
        if (subscribes(document)) {
            return new PreparsedDocumentEntry(
                    EdgeError.GRAPHQL_VALIDATION_FAILED.refusal("this API has no subscriptions"));
        }
        return violation(DocumentShape.of(document, ceiling))
                .map(PreparsedDocumentEntry::new)
                .orElseGet(() -> parseAndValidate.apply(input));
    }

    /**
     * The schema has no Subscription type, which validation would say, but graphql-java 26 first collects a
     * subscription's root fields and throws on {@code @include(if: $v)} or on a root whose fields are all skipped.
     */
    private static boolean subscribes(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .anyMatch(operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION);
    }

    private Optional<GraphQLError> violation(DocumentShape shape) {
        if (shape.depth() > limits.maxDepth()) {
            return Optional.of(EdgeError.QUERY_TOO_DEEP.refusal("the document nests at least " + shape.depth()
                    + " levels deep; at most " + limits.maxDepth() + " are allowed"));
        }
        if (shape.aliases() > limits.maxAliases()) {
            return Optional.of(EdgeError.TOO_MANY_ALIASES.refusal("the document uses at least " + shape.aliases()
                    + " aliases; at most " + limits.maxAliases() + " are allowed"));
        }
        if (shape.cost() > limits.maxCost()) {
            return Optional.of(EdgeError.QUERY_TOO_COMPLEX.refusal("the document selects at least " + shape.cost()
                    + " fields with its fragments expanded; at most " + limits.maxCost() + " are allowed"));
        }
        if (shape.introspection() && !limits.introspection()) {
            return Optional.of(EdgeError.INTROSPECTION_DISABLED.refusal("introspection is disabled on this server"));
        }
        if (shape.selections() > analysis.maxSelections()) {
            return Optional.of(EdgeError.QUERY_TOO_COMPLEX.refusal("the document has at least " + shape.selections()
                    + " selections with its fragments expanded; at most " + analysis.maxSelections()
                    + " are allowed"));
        }
        return Optional.empty();
    }
}
