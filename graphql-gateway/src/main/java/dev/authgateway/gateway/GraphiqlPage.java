package dev.authgateway.gateway;

import java.util.Map;

import dev.authgateway.support.config.Required;
import io.helidon.common.Size;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.MemoryCache;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import io.helidon.webserver.staticcontent.TemporaryStorage;

/**
 * GraphiQL at {@code /graphiql/} when {@code app.graphiql.enabled} is true (off by default; {@code ops/stack up}
 * turns it on). Its files come from the class path ({@code graphiql/} in the jar, where the build copied them from
 * the npm packages), served by Helidon's static content service: {@code /graphiql} redirects to {@code /graphiql/},
 * which answers index.html. A Content Security Policy lets the page load nothing from anywhere else and send
 * queries only to this gateway.
 *
 * <p>From the jar ({@code java -jar}), each file is held in memory after its first request (1.6 MB in all, within
 * the cache's 4 MiB) and nothing is extracted to temporary files; in the image the files are a directory on the class
 * path, read from it on each request. Helidon 4.2.0's static content answered parallel first requests from a jar
 * with truncated or empty bodies (helidon-io/helidon#9908, fixed in 4.2.1), so the gateway held these files in memory
 * itself until Helidon 4.5.0; StaticContentFromJarTest reproduces that defect (it fails on 4.2.0), and
 * GraphiqlPageTest sends this page the same parallel first requests, from a jar and from a directory.
 *
 * <p>Answers are {@code no-store}: Helidon's validators (ETag and Last-Modified) are the file's modification time,
 * which is the jar's under {@code java -jar} but the same instant for every file in the image (Jib sets it to
 * 1970-01-01T00:00:01Z), so a browser revalidating its copy would keep an old GraphiQL after an upgrade.
 */
final class GraphiqlPage {

    static final String PATH = "/graphiql";

    private static final String LOCATION = "graphiql";

    // GraphiQL's editors set inline styles; scripts are only the page's own files.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private GraphiqlPage() {
    }

    static void register(HttpRouting.Builder routing, Config graphiql) {
        register(routing, graphiql, GraphiqlPage.class.getClassLoader());
    }

    /** The page with its files from {@code files} (the gateway's own class loader, or a test's). */
    static void register(HttpRouting.Builder routing, Config graphiql, ClassLoader files) {
        if (!Required.bool(graphiql.get("enabled"))) {
            return;
        }
        if (files.getResource(LOCATION + "/vendor/graphiql/graphiql.min.js") == null) {
            throw new IllegalStateException(LOCATION + "/vendor/graphiql/graphiql.min.js is not in the jar; "
                    + "build with npm on the PATH");
        }
        routing.any(PATH + "/*", (request, response) -> {
                    response.header(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY)
                            .header(SecurityHeaders.NO_STORE);
                    response.next();
                })
                .register(PATH, StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location(LOCATION)
                        .welcome("index.html")
                        .classLoader(files)
                        .memoryCache(MemoryCache.create(cache -> cache.capacity(Size.create(4, Size.Unit.MIB))))
                        .temporaryStorage(TemporaryStorage.create(storage -> storage.enabled(false)))
                        .contentTypes(Map.of(
                                "html", MediaTypes.create("text/html; charset=utf-8"),
                                "css", MediaTypes.create("text/css; charset=utf-8"),
                                "js", MediaTypes.create("text/javascript; charset=utf-8")))
                        .build()));
    }
}
