package dev.authgateway.gateway.jwt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /.well-known/oauth-authorization-server}: RFC 8414 metadata, so a service that verifies the gateway's
 * access tokens needs only this URL. It holds what applies to a gateway that issues tokens from GraphQL mutations and
 * runs no OAuth flow: {@code issuer} (the tokens' {@code iss}, verbatim, as verifiers must compare it),
 * {@code jwks_uri}, the signing algorithm, and empty {@code response_types_supported} and
 * {@code grant_types_supported} (omitted, RFC 8414 would default the latter to the authorization-code and implicit
 * grants). No {@code token_endpoint}: there is no OAuth token endpoint, so neither is there any
 * {@code token_endpoint_auth_*} field. RFC 8414 has no field for the algorithm of access tokens (its
 * {@code *_signing_alg_values_supported} fields name client authentication and response signing), so
 * {@code access_token_signing_alg_values_supported} is this gateway's own (its §2 allows additional parameters);
 * each JWKS key carries the same {@code alg}.
 */
public final class AuthorizationServerMetadata implements HttpService {

    public static final String PATH = "/oauth-authorization-server";

    private static final Logger LOG = Logger.getLogger(AuthorizationServerMetadata.class.getName());

    private final byte[] document;

    public AuthorizationServerMetadata(PublicBaseUrl base, JwtSettings jwt) {
        if (!jwt.issuer().equals(base.value())) {
            LOG.warning("app.jwt.issuer '" + jwt.issuer() + "' is not app.public-base-url '" + base.value()
                    + "': the discovery document works for verifiers that take its issuer as it is, but RFC 8414 "
                    + "clients that check it against the URL refuse it (docs/frontends.md)");
        }
        this.document = render(base, jwt.issuer());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::metadata);
    }

    private void metadata(ServerRequest request, ServerResponse response) {
        response.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json"));
        response.header(HeaderValues.create(HeaderNames.CACHE_CONTROL, "public, max-age=300"));
        response.send(document);
    }

    static byte[] render(PublicBaseUrl base, String issuer) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("jwks_uri", base.resolve("/.well-known/jwks.json"));
        metadata.put("access_token_signing_alg_values_supported", List.of(SigningKey.ALGORITHM));
        metadata.put("response_types_supported", List.of());
        metadata.put("grant_types_supported", List.of());
        try {
            return new ObjectMapper().writeValueAsBytes(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
