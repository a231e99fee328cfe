package dev.authgateway.gateway;

import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * GraphiQL at {@code /graphiql/} when {@code app.graphiql.enabled} is true (off by default; {@code ops/stack up}
 * turns it on). Its scripts come from the jar, copied from the npm packages at build time, and a Content Security
 * Policy lets the page load nothing from anywhere else and send queries only to this gateway.
 */
final class GraphiqlPage {

    static final String PATH = "/graphiql";

    // GraphiQL's editors set inline styles; scripts are only the page's own files.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private GraphiqlPage() {
    }

    static void register(HttpRouting.Builder routing, Config graphiql) {
        if (!graphiql.get("enabled").asBoolean().orElse(false)) {
            return;
        }
        routing.get(PATH, (request, response) -> {
                    response.status(io.helidon.http.Status.MOVED_PERMANENTLY_301)
                            .header(HeaderNames.LOCATION, PATH + "/")
                            .send();
                })
                .any(PATH + "/*", (request, response) -> {
                    response.header(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
                    response.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
                    response.next();
                })
                .register(PATH, StaticContentService.builder("graphiql").welcomeFileName("index.html").build());
    }
}
