package dev.authgateway.gateway.graphql;

import java.nio.charset.StandardCharsets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * Finds the document of a request that names it by hash, before anything parses it: Apollo's automatic persisted
 * queries (APQ: an unknown hash is answered PERSISTED_QUERY_NOT_FOUND, the client resends the document with its hash,
 * which is checked and registered) and trusted documents (a manifest loaded at start-up; with {@code enforce} no
 * other document runs, and nothing is registered).
 *
 * <p>Registered documents are kept in memory, bounded by {@code max-entries} and {@code max-bytes}: each entry weighs
 * its UTF-8 size but at least {@code max-bytes / max-entries}, so one weight limit bounds both. A flood of unique
 * documents only evicts (Caffeine admits by frequency, so the documents a frontend sends over and over stay). Each
 * replica keeps its own: a miss costs a client one resend, while a shared Redis store would add a network hop to
 * every hashed request and let one client fill the store of all replicas.
 */
final class PersistedDocuments {

    private final TrustedDocuments trusted;
    private final boolean enforce;
    private final Cache<String, String> registered;

    PersistedDocuments(TrustedDocuments trusted, boolean enforce, long maxEntries, long maxBytes) {
        if (enforce && trusted.byHash().isEmpty()) {
            throw new IllegalStateException("app.graphql.trusted-documents.enforce is true but no manifest (or an "
                    + "empty one) is configured in app.graphql.trusted-documents.manifest: every request would be refused");
        }
        this.trusted = trusted;
        this.enforce = enforce;
        long floor = maxEntries > 0 ? Math.max(1, maxBytes / maxEntries) : 1;
        this.registered = enforce || maxEntries <= 0 || maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<String, String>weigher((hash, document) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(floor, document.getBytes(StandardCharsets.UTF_8).length)))
                .build();
    }

    /** From {@code app.graphql.persisted-queries} and {@code app.graphql.trusted-documents}. */
    static PersistedDocuments from(Config graphql) {
        Config apq = graphql.get("persisted-queries");
        Config trusted = graphql.get("trusted-documents");
        return new PersistedDocuments(TrustedDocuments.load(Required.string(trusted.get("manifest"))),
                Required.bool(trusted.get("enforce")),
                Required.integer(apq.get("max-entries")), Required.integer(apq.get("max-bytes")));
    }

    /**
     * The request with its document, or a refusal: {@link DocumentRefused} for a hash not known or not trusted,
     * {@link HttpProblem} PERSISTED_QUERY_HASH_MISMATCH when a document and a hash that is not its sha256 come together.
     */
    GraphQlRequest resolve(GraphQlRequest request) {
        String hash = request.persistedHash();
        if (hash == null) {
            if (enforce && !trusted.contains(Sha256.hex(request.query()))) {
                throw notInList();
            }
            return request;
        }
        if (request.query() == null) {
            return request.withDocument(known(hash));
        }
        if (!Sha256.hex(request.query()).equals(hash)) {
            throw new HttpProblem(EdgeError.PERSISTED_QUERY_HASH_MISMATCH,
                    "provided sha does not match query: sha256Hash must be the sha256 of the query's UTF-8 text");
        }
        if (enforce && !trusted.contains(hash)) {
            throw notInList();
        }
        if (registered != null && !trusted.contains(hash)) {
            registered.put(hash, request.query());
        }
        return request.withDocument(request.query());
    }

    private String known(String hash) {
        String document = trusted.document(hash);
        if (document != null) {
            return document;
        }
        if (enforce) {
            throw notInList();
        }
        document = registered == null ? null : registered.getIfPresent(hash);
        if (document == null) {
            // Apollo's clients resend the document when they see this message or this code.
            throw new DocumentRefused(EdgeError.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
        }
        return document;
    }

    private static DocumentRefused notInList() {
        return new DocumentRefused(EdgeError.PERSISTED_QUERY_NOT_IN_LIST,
                "this server runs only trusted documents, and this document is not one of them");
    }

    /** How many registered documents are kept now (tests). */
    long registeredCount() {
        if (registered == null) {
            return 0;
        }
        registered.cleanUp();
        return registered.estimatedSize();
    }
}
