package dev.authgateway.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * GraphiQL at {@code /graphiql/} when {@code app.graphiql.enabled} is true (off by default; {@code ops/stack up}
 * turns it on). Its files come from the jar, where the build copied them from the npm packages, and are held in
 * memory: a fixed, small set (1.6 MB). A Content Security Policy lets the page load nothing from anywhere else and
 * send queries only to this gateway.
 *
 * <p>Not Helidon's static content service: in 4.2.0, serving from the jar, it answered parallel first requests
 * with truncated or empty bodies (helidon-io/helidon#9908: its classpath handler closed the JVM's shared, cached
 * JarFile while other requests were still reading from it; fixed in 4.2.1). StaticContentFromJarTest repeats those
 * requests on Helidon 4.5.0, where every answer is whole.
 */
final class GraphiqlPage {

    static final String PATH = "/graphiql";

    private static final List<String> FILES = List.of("index.html", "page.css", "start.js",
            "vendor/graphiql/graphiql.min.css", "vendor/graphiql/graphiql.min.js",
            "vendor/react/umd/react.production.min.js", "vendor/react-dom/umd/react-dom.production.min.js");

    // GraphiQL's editors set inline styles; scripts are only the page's own files.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private record Asset(byte[] content, String contentType, String etag) {
    }

    private final Map<String, Asset> assets;

    private GraphiqlPage(Map<String, Asset> assets) {
        this.assets = assets;
    }

    static void register(HttpRouting.Builder routing, Config graphiql) {
        if (!graphiql.get("enabled").asBoolean().orElse(false)) {
            return;
        }
        GraphiqlPage page = new GraphiqlPage(FILES.stream().collect(Collectors.toMap(Function.identity(),
                GraphiqlPage::load)));
        routing.get(PATH, (request, response) -> response.status(Status.MOVED_PERMANENTLY_301)
                        .header(HeaderNames.LOCATION, PATH + "/")
                        .send())
                .get(PATH + "/*", page::serve);
    }

    private void serve(ServerRequest request, ServerResponse response) {
        String file = request.path().path().substring(PATH.length() + 1);
        Asset asset = assets.get(file.isEmpty() ? "index.html" : file);
        if (asset == null) {
            response.status(Status.NOT_FOUND_404).send();
            return;
        }
        response.header(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY)
                .header(HeaderNames.ETAG, asset.etag())
                .header(HeaderValues.CACHE_NO_CACHE);
        if (request.headers().value(HeaderNames.IF_NONE_MATCH).filter(asset.etag()::equals).isPresent()) {
            response.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, asset.contentType()).send(asset.content());
    }

    private static Asset load(String file) {
        try (InputStream in = GraphiqlPage.class.getResourceAsStream("/graphiql/" + file)) {
            if (in == null) {
                throw new IllegalStateException("graphiql/" + file + " is not in the jar; build with npm on the PATH");
            }
            byte[] content = in.readAllBytes();
            return new Asset(content, contentType(file), '"' + sha256(content) + '"');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
