package dev.authgateway.gateway.graphql;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.PasskeyOptions;
import dev.authgateway.gateway.domain.Passkeys;
import dev.authgateway.gateway.domain.User;
import graphql.schema.idl.RuntimeWiring;

/** The passkey fields (schema.graphql's "Passkeys" section), each a call of one use case. */
final class PasskeyFetchers {

    private final Accounts accounts;

    /** {@code accounts} may be null where only the schema is wanted (its fields then fail when run). */
    PasskeyFetchers(Accounts accounts) {
        this.accounts = accounts;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type
                        .dataFetcher("startPasskeyRegistration", environment -> options(passkeys().startRegistration(
                                RequestContext.caller(environment, accounts))))
                        .dataFetcher("finishPasskeyRegistration", environment -> passkeys().finishRegistration(
                                RequestContext.caller(environment, accounts), environment.getArgument("response"),
                                environment.getArgument("name"), RequestContext.origin(environment)))
                        .dataFetcher("removePasskey", environment -> passkeys().remove(
                                RequestContext.caller(environment, accounts), environment.getArgument("id"),
                                RequestContext.origin(environment)))
                        .dataFetcher("startPasskeyLogin", environment -> options(passkeys().startLogin(
                                environment.getArgument("login"))))
                        .dataFetcher("finishPasskeyLogin", environment -> RequestContext.deliver(environment,
                                passkeys().finishLogin(environment.getArgument("requestId"),
                                        environment.getArgument("response"), RequestContext.origin(environment)))))
                .type("User", type -> type.dataFetcher("passkeys",
                        environment -> passkeys().list(environment.<User>getSource().id())));
    }

    private Passkeys passkeys() {
        return accounts.passkeys();
    }

    /** The PasskeyRegistrationOptions and PasskeyLoginOptions types (a registration has no request id). */
    private static Map<String, Object> options(PasskeyOptions options) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", options.requestId());
        answer.put("optionsJson", options.optionsJson());
        answer.put("expiresInSeconds", Math.max(0, Duration.between(Instant.now(), options.expiresAt()).toSeconds()));
        return answer;
    }
}
