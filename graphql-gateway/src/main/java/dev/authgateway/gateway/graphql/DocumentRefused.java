package dev.authgateway.gateway.graphql;

/**
 * A document refused by its hash before it was parsed (unknown, or not trusted): answered like any document refused
 * before execution, 400 as application/graphql-response+json and 200 as application/json
 * ({@link EdgeError#resultStatus}), which is also the status older Apollo clients need to resend the document.
 */
final class DocumentRefused extends RuntimeException {

    private final EdgeError code;

    DocumentRefused(EdgeError code, String message) {
        super(message, null, false, false);
        if (code.stage() != EdgeError.Stage.DOCUMENT) {
            throw new IllegalArgumentException(code + " is not a document-level code");
        }
        this.code = code;
    }

    EdgeError code() {
        return code;
    }
}
