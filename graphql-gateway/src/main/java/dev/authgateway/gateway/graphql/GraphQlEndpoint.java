package dev.authgateway.gateway.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.RequestOrigin;
import dev.authgateway.support.config.Required;
import dev.authgateway.support.faults.LimitTokens;
import dev.authgateway.support.grpc.RequestDeadline;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.parser.ParserOptions;
import io.helidon.common.concurrency.limits.LimitAlgorithm;
import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * GraphQL over HTTP at {@code /graphql}, following the GraphQL-over-HTTP specification: POST with
 * application/json for any operation, GET for queries only, application/graphql-response+json or application/json
 * responses by Accept, and request errors as 4xx with the same error shape as field errors.
 * The schema is served at {@code /graphql/schema.graphql}.
 */
public final class GraphQlEndpoint implements HttpService {

    private final GraphQL graphql;
    private final PersistedDocuments persisted;
    private final ParserOptions parserOptions;
    private final QueryLimits limits;
    private final Admission admission;
    private final byte[] schema;
    private final int maxBodyBytes;
    private RefreshCookie refreshCookie = RefreshCookie.OFF;

    /** The endpoint with the limits, caches and body cap of {@code app.graphql}. */
    public static GraphQlEndpoint create(Accounts accounts, AccessTokens tokens, Config graphqlConfig) {
        QueryLimits limits = QueryLimits.from(graphqlConfig);
        LimitedDocuments documents = new LimitedDocuments(limits, AnalysisLimits.from(graphqlConfig),
                Required.integer(graphqlConfig.get("document-cache-size")));
        return new GraphQlEndpoint(ExecutableSchema.build(accounts, tokens, documents),
                PersistedDocuments.from(graphqlConfig), documents.parserOptions(),
                limits, Admission.from(graphqlConfig.get("admission"), documents.parserOptions()),
                ExecutableSchema.schemaText(), Required.integer(graphqlConfig.get("max-body-bytes")));
    }

    private GraphQlEndpoint(GraphQL graphql, PersistedDocuments persisted, ParserOptions parserOptions,
                            QueryLimits limits, Admission admission, String schema, int maxBodyBytes) {
        this.graphql = graphql;
        this.persisted = persisted;
        this.parserOptions = parserOptions;
        this.limits = limits;
        this.admission = admission;
        this.schema = schema.getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Carries refresh tokens in a cookie when {@code refreshCookie} is enabled ({@code app.sessions.refresh-cookie}). */
    public GraphQlEndpoint refreshCookie(RefreshCookie refreshCookie) {
        this.refreshCookie = refreshCookie;
        return this;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/schema.graphql", this::schema)
                .get("/", (request, response) -> handle(request, response, this::fromQueryParameters))
                .post("/", (request, response) -> handle(request, response, this::fromBody))
                .any("/", (request, response) -> EdgeError.refuse(response, ResponseType.JSON,
                        new HttpProblem(EdgeError.METHOD_NOT_ALLOWED, "use GET or POST", "GET, POST")));
    }

    private void schema(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.send(schema);
    }

    private void handle(ServerRequest request, ServerResponse response, RequestReader reader) {
        ResponseType type = ResponseType.JSON;
        try {
            type = ResponseType.negotiate(request.headers().values(HeaderNames.ACCEPT));
            GraphQlRequest.Received operations = reader.read(request);
            HttpExchange exchange = HttpExchange.of(request, refreshCookie);
            RequestOrigin origin = new RequestOrigin(request.remotePeer().host(), RequestIds.of(request, response),
                    request.headers().first(HeaderNames.USER_AGENT).orElse(""));
            if (operations.batch()) {
                var bodies = operations.operations().stream()
                        .map(operation -> execute(operation, exchange, origin).body()).toList();
                exchange.writeCookies(response);
                EdgeError.send(response, 200, type, bodies);
            } else {
                Outcome outcome = execute(operations.operations().getFirst(), exchange, origin);
                if (outcome.refusal() == EdgeError.OVERLOADED) {
                    response.header(HeaderNames.RETRY_AFTER, Long.toString(admission.retryAfter().toSeconds()));
                }
                exchange.writeCookies(response);
                EdgeError.send(response, outcome.status(type), type, outcome.body());
            }
        } catch (HttpProblem problem) {
            EdgeError.refuse(response, type, problem);
        } catch (DocumentRefused refused) {
            EdgeError.send(response, EdgeError.resultStatus(false, type), type,
                    refused.code().body(refused.getMessage()));
        }
    }

    private GraphQlRequest.Received fromQueryParameters(ServerRequest request) {
        GraphQlRequest graphQlRequest = persisted.resolve(GraphQlRequest.fromQueryParameters(request.query()));
        if (Operations.isMutation(graphQlRequest.query(), graphQlRequest.operationName(), parserOptions)) {
            throw new HttpProblem(EdgeError.METHOD_NOT_ALLOWED, "mutations must be sent with POST", "POST");
        }
        return GraphQlRequest.Received.single(graphQlRequest);
    }

    private GraphQlRequest.Received fromBody(ServerRequest request) {
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.split(";")[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            throw new HttpProblem(EdgeError.UNSUPPORTED_MEDIA_TYPE, "send the request as application/json");
        }
        long contentLength = request.headers().contentLength().orElse(-1);
        if (contentLength > maxBodyBytes) {
            throw tooLarge();
        }
        return GraphQlRequest.fromJsonBody(readCapped(request, (int) contentLength), limits);
    }

    /**
     * The body, up to the cap. Reading fails only for the client's reasons (it went away, sent less than its
     * Content-Length, or broken chunks: Helidon throws unchecked exceptions for those), so any failure is a 400,
     * except the server's own refusals, which keep their status.
     */
    private byte[] readCapped(ServerRequest request, int contentLength) {
        byte[] bytes;
        try (InputStream body = request.content().inputStream()) {
            // With a Content-Length the body is read into an array of its size (Helidon ends the stream there);
            // readNBytes(cap + 1) would fill a 16 KiB buffer first and copy it, on every request.
            bytes = body.readNBytes(contentLength >= 0 ? contentLength : maxBodyBytes + 1);
        } catch (RequestException refusedByTheServer) {
            // The server's own refusal (a chunk over max-payload-size is 413, a malformed chunk 400): its status
            // and typed body are decided once, by the listener's direct handler.
            throw refusedByTheServer;
        } catch (IOException | RuntimeException unreadable) {
            throw HttpProblem.badRequest("the body could not be read");
        }
        if (bytes.length > maxBodyBytes) {
            throw tooLarge();
        }
        return bytes;
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(EdgeError.PAYLOAD_TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes");
    }

    /**
     * Runs one operation within the execution timeout, which also bounds every gRPC call its fields make; past it the
     * answer is TIMEOUT, whatever the fields returned.
     */
    private Outcome execute(GraphQlRequest received, HttpExchange exchange, RequestOrigin origin) {
        GraphQlRequest request;
        try {
            request = persisted.resolve(received);
        } catch (DocumentRefused refused) {
            return new Outcome(null, false, refused.code().body(refused.getMessage()));
        }
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .extensions(request.extensions())
                .graphQLContext(context -> {
                    context.of(RequestContext.ORIGIN, origin);
                    context.of(RequestContext.EXCHANGE, exchange);
                    if (exchange.authorization() != null) {
                        context.of(RequestContext.AUTHORIZATION, exchange.authorization());
                    }
                })
                .build();
        Optional<LimitAlgorithm.Token> permit = admission.admit(request.query(), request.operationName());
        if (permit.isEmpty()) {
            return new Outcome(EdgeError.OVERLOADED, false, EdgeError.OVERLOADED.body(
                    "the gateway is running as many operations of this kind as it can; retry later",
                    admission.retryAfter()));
        }
        RequestDeadline.Timed<ExecutionResult> run;
        try {
            run = RequestDeadline.run(limits.timeout(), () -> graphql.execute(input));
        } catch (RuntimeException e) {
            permit.get().ignore();
            throw e;
        }
        if (run.expired()) {
            LimitTokens.overran(permit.get());
            return new Outcome(EdgeError.TIMEOUT, false, EdgeError.TIMEOUT.body(
                    "the operation took longer than " + limits.timeout().toMillis() + " ms"));
        }
        permit.get().success();
        return new Outcome(null, run.value().isDataPresent(), run.value());
    }

    /**
     * A GraphQL result (written by {@link ResultShape}), or the body of the one error that stood in for it (a
     * document refused by hash, TIMEOUT).
     */
    private record Outcome(EdgeError refusal, boolean dataPresent, Object body) {
        int status(ResponseType type) {
            return refusal != null ? refusal.status() : EdgeError.resultStatus(dataPresent, type);
        }
    }

    @FunctionalInterface
    private interface RequestReader {
        GraphQlRequest.Received read(ServerRequest request);
    }
}
