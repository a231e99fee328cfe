package dev.authgateway.gateway.graphql;

import java.util.List;
import java.util.Locale;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;

/** The media type of a GraphQL response, chosen from the request's Accept header. */
enum ResponseType {
    GRAPHQL_RESPONSE("application/graphql-response+json"),
    JSON("application/json");

    private final Header contentType;

    ResponseType(String mediaType) {
        // one header for every answer: its bytes are encoded once
        this.contentType = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, mediaType + "; charset=utf-8");
    }

    Header contentTypeHeader() {
        return contentType;
    }

    /**
     * application/graphql-response+json only when the client names it; application/json when it names that, sends
     * a wildcard ({@code *}/{@code *}, {@code application/*}) or no Accept header at all; otherwise 406.
     *
     * <p>A client that does not name the new media type (curl, a bare fetch, which send {@code *}/{@code *}, older
     * libraries) cannot be assumed to know its status rules, so it gets application/json and that type's rule: 200 for
     * every GraphQL response, a refused document's too (see {@link EdgeError#resultStatus}). The graphql-http audit
     * asks for this, as the spec did for a missing Accept before its legacy watershed (2025-01-01).
     */
    static ResponseType negotiate(List<String> acceptHeaders) {
        if (acceptHeaders.isEmpty()) {
            return JSON;
        }
        boolean json = false;
        for (String header : acceptHeaders) {
            for (String range : header.split(",")) {
                String[] parts = range.split(";");
                if (refused(parts)) {
                    continue;
                }
                String type = parts[0].strip().toLowerCase(Locale.ROOT);
                switch (type) {
                    case "application/graphql-response+json" -> {
                        return GRAPHQL_RESPONSE;
                    }
                    case "application/json", "*/*", "application/*" -> json = true;
                    default -> {
                    }
                }
            }
        }
        if (json) {
            return JSON;
        }
        throw new HttpProblem(EdgeError.NOT_ACCEPTABLE,
                "accept application/graphql-response+json or application/json");
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip().replace(" ", "");
            if (parameter.equals("q=0") || parameter.matches("q=0\\.0*")) {
                return true;
            }
        }
        return false;
    }
}
