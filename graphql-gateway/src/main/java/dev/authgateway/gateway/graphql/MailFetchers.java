package dev.authgateway.gateway.graphql;

import java.util.Map;

import dev.authgateway.gateway.domain.AccountEmail;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.User;
import graphql.schema.idl.RuntimeWiring;

/** The mail fields (verification, password reset and change) and {@code User.emailVerified}, each one use case. */
final class MailFetchers {

    private final Accounts accounts;

    MailFetchers(Accounts accounts) {
        this.accounts = accounts;
    }

    /** At each call: some schemas are built before (or without) their use cases, for document checks only. */
    private AccountEmail email() {
        return accounts.email();
    }

    RuntimeWiring.Builder wire(RuntimeWiring.Builder wiring) {
        return wiring
                .type("User", type -> type.dataFetcher("emailVerified",
                        environment -> email().emailVerified(((User) environment.getSource()).id())))
                .type("Mutation", type -> type
                        .dataFetcher("verifyEmail", environment -> {
                            email().verifyEmail(environment.getArgument("token"), RequestContext.origin(environment));
                            return true;
                        })
                        .dataFetcher("resendVerification", environment -> email().resendVerification(
                                RequestContext.caller(environment, accounts), RequestContext.origin(environment)))
                        .dataFetcher("requestPasswordReset", environment -> {
                            email().requestPasswordReset(environment.getArgument("email"),
                                    RequestContext.origin(environment));
                            return true;
                        })
                        .dataFetcher("resetPassword", environment -> {
                            Map<String, Object> input = environment.getArgument("input");
                            email().resetPassword((String) input.get("token"), (String) input.get("newPassword"),
                                    RequestContext.origin(environment));
                            return true;
                        })
                        .dataFetcher("changePassword", environment -> {
                            var caller = RequestContext.caller(environment, accounts);
                            Map<String, Object> input = environment.getArgument("input");
                            email().changePassword(caller, (String) input.get("currentPassword"),
                                    (String) input.get("newPassword"), RequestContext.origin(environment));
                            return true;
                        }));
    }
}
