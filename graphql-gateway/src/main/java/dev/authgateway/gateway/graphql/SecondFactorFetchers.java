package dev.authgateway.gateway.graphql;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.SecondFactors;
import dev.authgateway.gateway.domain.User;
import graphql.schema.idl.RuntimeWiring;

/** The second-factor fields (schema.graphql's "Second factors" section), each a call of one use case. */
final class SecondFactorFetchers {

    private final Accounts accounts;

    /** {@code accounts} may be null where only the schema is wanted (its fields then fail when run). */
    SecondFactorFetchers(Accounts accounts) {
        this.accounts = accounts;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type
                        .dataFetcher("enrollTotp", environment -> enrolment(factors().enrol(
                                RequestContext.caller(environment, accounts), RequestContext.origin(environment))))
                        .dataFetcher("confirmTotp", environment -> Map.of("recoveryCodes", factors().confirm(
                                RequestContext.caller(environment, accounts), environment.getArgument("code"),
                                RequestContext.origin(environment))))
                        .dataFetcher("disableTotp", environment -> {
                            factors().disable(RequestContext.caller(environment, accounts),
                                    environment.getArgument("code"), RequestContext.origin(environment));
                            return true;
                        })
                        .dataFetcher("verifySecondFactor", environment -> RequestContext.deliver(environment,
                                factors().completeLogin(environment.getArgument("challenge"),
                                        environment.getArgument("code"), RequestContext.origin(environment)))))
                .type("User", type -> type.dataFetcher("secondFactorEnabled",
                        environment -> factors().enabled(environment.<User>getSource().id())));
    }

    private SecondFactors factors() {
        return accounts.secondFactors();
    }

    /** The TotpEnrollment type: the URI, its QR code, and the secret alone for apps where it is typed in. */
    private static Map<String, Object> enrolment(String otpauthUri) {
        Map<String, Object> enrolment = new LinkedHashMap<>();
        enrolment.put("otpauthUri", otpauthUri);
        enrolment.put("qrCodeSvg", QrCodeSvg.of(otpauthUri));
        enrolment.put("secret", secretOf(otpauthUri));
        return enrolment;
    }

    private static String secretOf(String otpauthUri) {
        for (String parameter : List.of(URI.create(otpauthUri).getRawQuery().split("&"))) {
            if (parameter.startsWith("secret=")) {
                return parameter.substring("secret=".length());
            }
        }
        throw new IllegalStateException("the store's otpauth URI has no secret");
    }
}
