package dev.authgateway.gateway.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct document once. Frontends send the same few documents over and over, and
 * parsing plus validation costs more than executing a cache hit. Validation does not depend on variable values,
 * so the text of the document is the whole key. Bounded; the least recently used documents go first.
 */
final class CachedDocuments implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    CachedDocuments(long maximumSize) {
        this.documents = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(
                documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
    }
}
