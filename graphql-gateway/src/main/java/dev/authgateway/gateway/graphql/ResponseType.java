package dev.authgateway.gateway.graphql;

import java.util.List;
import java.util.Locale;

/** The media type of a GraphQL response, chosen from the request's Accept header. */
enum ResponseType {
    GRAPHQL_RESPONSE("application/graphql-response+json"),
    JSON("application/json");

    private final String mediaType;

    ResponseType(String mediaType) {
        this.mediaType = mediaType;
    }

    String contentType() {
        return mediaType + "; charset=utf-8";
    }

    /**
     * application/graphql-response+json when accepted (also for {@code *}/{@code *}); application/json when only
     * that is; application/json without an Accept header, as the spec asks for older clients; otherwise 406.
     */
    static ResponseType negotiate(List<String> acceptHeaders) {
        if (acceptHeaders.isEmpty()) {
            return JSON;
        }
        boolean json = false;
        boolean any = false;
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
                    case "application/json" -> json = true;
                    case "*/*", "application/*" -> any = true;
                    default -> {
                    }
                }
            }
        }
        if (json) {
            return JSON;
        }
        if (any) {
            return GRAPHQL_RESPONSE;
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
