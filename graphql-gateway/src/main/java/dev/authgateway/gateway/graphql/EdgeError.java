package dev.authgateway.gateway.graphql;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.SourceLocation;
import graphql.schema.DataFetchingEnvironment;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * The error catalogue of the gateway's edge: every {@code extensions.code} a client can find in an answer of the
 * gateway's routes, with the HTTP status of an answer that carries it, and the one writer of the error shape
 * {@code {"message", "locations"?, "path"?, "extensions": {"code", ...}}} and of the bytes of every error answer.
 *
 * <p>The first eleven are {@link ErrorCode}'s, the domain's failures of an operation (a use case or the store client
 * decides them; {@link #of(ErrorCode)} maps them one to one). The others exist at the edge only: the request, the
 * document or the route was refused before any use case ran, which the domain cannot know of.
 *
 * <p>Requests Helidon refuses before routing (framing, header size, a path not in canonical form) are answered with
 * the same shape by service-support's {@code JsonDirectHandler} and {@code CanonicalPaths}, shared by every service.
 */
public enum EdgeError {

    // The domain's codes (ErrorCode): a failed field beside the data, answered 200.
    UNAUTHENTICATED(Stage.FIELD, 200),
    BAD_USER_INPUT(Stage.FIELD, 200),
    CONFLICT(Stage.FIELD, 200),
    INVALID_CREDENTIALS(Stage.FIELD, 200),
    RATE_LIMITED(Stage.FIELD, 200),
    UNAVAILABLE(Stage.FIELD, 200),
    /** A fault of ours: 200 as a field error beside data, 500 when nothing else could be answered (InternalErrors). */
    INTERNAL(Stage.FIELD, 500),
    /** A mailed token does not work (unknown, expired, used or of another purpose: one code for all). */
    INVALID_TOKEN(Stage.FIELD, 200),
    /** Login refused until the account's address is verified (app.accounts.require-verified-email). */
    EMAIL_NOT_VERIFIED(Stage.FIELD, 200),
    /** login: the password matched, a second factor is required; extensions.challenge for verifySecondFactor. */
    MFA_REQUIRED(Stage.FIELD, 200),
    /** endSession: the caller has no open session with that id (whether another user has one is not told). */
    SESSION_NOT_FOUND(Stage.FIELD, 200),
    /** The refresh cookie sent from an Origin not in app.cors.allowed-origins nor the gateway's own (CSRF). */
    CSRF_ORIGIN_REFUSED(Stage.FIELD, 200),

    // The HTTP request was refused before GraphQL ran.
    BAD_REQUEST(Stage.REQUEST, 400),
    BATCHING_DISABLED(Stage.REQUEST, 400),
    NOT_FOUND(Stage.REQUEST, 404),
    METHOD_NOT_ALLOWED(Stage.REQUEST, 405),
    NOT_ACCEPTABLE(Stage.REQUEST, 406),
    PAYLOAD_TOO_LARGE(Stage.REQUEST, 413),
    UNSUPPORTED_MEDIA_TYPE(Stage.REQUEST, 415),
    /** A document sent with a persistedQuery sha256Hash that is not its sha256 (Apollo: "provided sha does not match"). */
    PERSISTED_QUERY_HASH_MISMATCH(Stage.REQUEST, 400),

    // The document was refused before execution: no data, so 400 (200 as application/json, see resultStatus).
    GRAPHQL_PARSE_FAILED(Stage.DOCUMENT, 400),
    GRAPHQL_VALIDATION_FAILED(Stage.DOCUMENT, 400),
    QUERY_TOO_DEEP(Stage.DOCUMENT, 400),
    QUERY_TOO_COMPLEX(Stage.DOCUMENT, 400),
    TOO_MANY_TOKENS(Stage.DOCUMENT, 400),
    TOO_MANY_ALIASES(Stage.DOCUMENT, 400),
    INTROSPECTION_DISABLED(Stage.DOCUMENT, 400),
    /** A hash this replica does not know: the client resends the document with it (Apollo's APQ protocol). */
    PERSISTED_QUERY_NOT_FOUND(Stage.DOCUMENT, 400),
    /** Trusted documents are enforced, and this document (by hash or by its text's hash) is not in the manifest. */
    PERSISTED_QUERY_NOT_IN_LIST(Stage.DOCUMENT, 400),

    // Execution did not finish within app.graphql.timeout.
    TIMEOUT(Stage.REQUEST, 504),
    /** The gateway runs as many operations of this kind as it can (app.graphql.admission): retry after Retry-After. */
    OVERLOADED(Stage.REQUEST, 503);

    /** Where in a request's life the code is decided. */
    public enum Stage { REQUEST, DOCUMENT, FIELD }

    /** Jackson's defaults, and graphql-java's results written straight from the result (ResultShape). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule("graphql-results").addSerializer(new ResultShape()))
            .build();
    private static final SerializableString MESSAGE = new SerializedString("message");
    private static final SerializableString LOCATIONS = new SerializedString("locations");
    private static final SerializableString LINE = new SerializedString("line");
    private static final SerializableString COLUMN = new SerializedString("column");
    private static final SerializableString PATH = new SerializedString("path");
    private static final SerializableString EXTENSIONS = new SerializedString("extensions");
    private static final SerializableString CODE = new SerializedString("code");

    private final Stage stage;
    private final int status;

    EdgeError(Stage stage, int status) {
        this.stage = stage;
        this.status = status;
    }

    public Stage stage() {
        return stage;
    }

    /** The HTTP status of an answer whose only error has this code (as application/graphql-response+json). */
    public int status() {
        return status;
    }

    /** The edge's code for a domain failure: the same name, so {@code extensions.code} is the domain's code. */
    public static EdgeError of(ErrorCode code) {
        return valueOf(code.name());
    }

    /**
     * The status of a GraphQL result: 200 when execution started (data, with field errors beside it); without data
     * (a document refused) 400 as application/graphql-response+json, 200 as application/json, which the
     * GraphQL-over-HTTP specification keeps for older clients.
     */
    static int resultStatus(boolean dataPresent, ResponseType type) {
        return !dataPresent && type == ResponseType.GRAPHQL_RESPONSE ? 400 : 200;
    }

    /**
     * A failed field as graphql-java carries it: the domain's code, message, field, retry-after, and an MFA_REQUIRED
     * login's challenge with the seconds it can still be answered in.
     */
    static GraphQLError fieldError(DataFetchingEnvironment environment, GatewayException failure) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", of(failure.code()).name());
        failure.field().ifPresent(field -> extensions.put("field", field));
        failure.retryAfter().ifPresent(retryAfter -> extensions.put("retryAfterSeconds", retryAfter.toSeconds()));
        failure.challenge().ifPresent(challenge -> {
            extensions.put("challenge", challenge.token());
            extensions.put("challengeExpiresInSeconds", Math.max(0, java.time.Duration.between(
                    java.time.Instant.now(), challenge.expiresAt()).toSeconds()));
        });
        return GraphqlErrorBuilder.newError(environment).message(failure.getMessage()).extensions(extensions).build();
    }

    /** A failed field with this edge code (one the domain cannot know of). */
    GraphQLError fieldError(DataFetchingEnvironment environment, String message) {
        return GraphqlErrorBuilder.newError(environment).message(message).extensions(Map.of("code", name())).build();
    }

    /** A document refused before graphql-java validates it, with this code. */
    GraphQLError refusal(String message) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.ValidationError)
                .extensions(Map.of("code", name()))
                .build();
    }

    /**
     * Writes one of graphql-java's errors in the answer's shape; graphql-java's own errors (parse, validation) get
     * their code here, and its internal classification is not shown. Locations are written line, then column.
     */
    static void writeShape(GraphQLError error, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        json.writeFieldName(MESSAGE);
        json.writeString(error.getMessage());
        List<SourceLocation> locations = error.getLocations();
        if (locations != null && !locations.isEmpty()) {
            json.writeFieldName(LOCATIONS);
            json.writeStartArray();
            for (SourceLocation location : locations) {
                json.writeStartObject();
                json.writeFieldName(LINE);
                json.writeNumber(location.getLine());
                json.writeFieldName(COLUMN);
                json.writeNumber(location.getColumn());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        List<Object> path = error.getPath();
        if (path != null && !path.isEmpty()) {
            json.writeFieldName(PATH);
            ResultShape.writeValue(path, json, provider);
        }
        json.writeFieldName(EXTENSIONS);
        json.writeStartObject();
        boolean coded = false;
        Map<String, Object> extensions = error.getExtensions();
        if (extensions != null) {
            for (Map.Entry<String, Object> extension : extensions.entrySet()) {
                String key = extension.getKey();
                if ("classification".equals(key)) {
                    continue;
                }
                Object value = extension.getValue();
                if ("code".equals(key)) {
                    coded = true;
                    if (value == null) {
                        value = codeOf(error).name();
                    }
                }
                ResultShape.writeKey(key, json, provider);
                ResultShape.writeValue(value, json, provider);
            }
        }
        if (!coded) {
            json.writeFieldName(CODE);
            json.writeString(codeOf(error).name());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The {@code extensions.code} {@link #writeShape} writes for this error: its own when it has one, else ours. */
    static Object shapedCode(GraphQLError error) {
        Object own = error.getExtensions() == null ? null : error.getExtensions().get("code");
        return own != null ? own : codeOf(error).name();
    }

    private static EdgeError codeOf(GraphQLError error) {
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return QUERY_TOO_COMPLEX; // introspection asked for more than an IDE does (graphql-java's limits)
        }
        ErrorClassification classification = error.getErrorType();
        if (classification == ErrorType.InvalidSyntax) {
            // a parse cancelled at the parser's limits was refused before (LimitedDocuments)
            return GRAPHQL_PARSE_FAILED;
        }
        if (classification == ErrorType.ValidationError) {
            return GRAPHQL_VALIDATION_FAILED;
        }
        if (classification == ErrorType.OperationNotSupported) {
            return BAD_REQUEST;
        }
        return INTERNAL;
    }

    /** The body of an answer that is this one error. */
    Map<String, Object> body(String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", name()));
        return Map.of("errors", List.of(error));
    }

    /** {@link #body} with {@code extensions.retryAfterSeconds}, as RATE_LIMITED fields carry it. */
    Map<String, Object> body(String message, java.time.Duration retryAfter) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", name());
        extensions.put("retryAfterSeconds", retryAfter.toSeconds());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        return Map.of("errors", List.of(error));
    }

    /** Answers a request refused before GraphQL ran, with its Allow header for a 405, counted by code. */
    static void refuse(ServerResponse response, ResponseType type, HttpProblem problem) {
        if (problem.allow() != null) {
            response.header(HeaderNames.ALLOW, problem.allow());
        }
        send(response, problem.code().status(), type, problem.code().body(problem.getMessage()));
    }

    /**
     * Answers outside {@code /graphql}'s handler (a path no route serves, a fault that escaped a handler) as
     * application/json: with this code's status, or with {@code status} for Helidon's own client errors.
     * Not counted in graphql_errors_total, which counts the answers of the GraphQL endpoint.
     */
    public void answer(ServerResponse response, Status status, String message) {
        write(response, status.code(), ResponseType.JSON, body(message));
    }

    public void answer(ServerResponse response, String message) {
        answer(response, Status.create(status), message);
    }

    /**
     * Writes any answer of the GraphQL endpoint, counting its errors by code: an {@link ExecutionResult}, a body of
     * {@link #body}, or a batch (a list of those).
     */
    static void send(ServerResponse response, int status, ResponseType type, Object body) {
        ErrorMetrics.count(body);
        write(response, status, type, body);
    }

    private static void write(ServerResponse response, int status, ResponseType type, Object body) {
        byte[] bytes = json(body);
        response.status(Status.create(status));
        response.header(type.contentTypeHeader());
        response.send(bytes);
    }

    /** The bytes of an answer's body, as {@link #send} writes them. */
    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
