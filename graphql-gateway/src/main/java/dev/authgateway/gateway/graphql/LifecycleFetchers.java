package dev.authgateway.gateway.graphql;

import dev.authgateway.gateway.domain.AccountLifecycle;
import dev.authgateway.gateway.domain.Accounts;
import graphql.schema.idl.RuntimeWiring;

/** The account lifecycle's fields: sessions, endSession, deleteAccount, exportAccount, the email change. */
final class LifecycleFetchers {

    private final Accounts accounts;

    LifecycleFetchers(Accounts accounts) {
        this.accounts = accounts;
    }

    /** At each call: some schemas are built before (or without) their use cases, for document checks only. */
    private AccountLifecycle lifecycle() {
        return accounts.lifecycle();
    }

    RuntimeWiring.Builder wire(RuntimeWiring.Builder wiring) {
        return wiring
                .type("Query", type -> type
                        .dataFetcher("sessions", environment -> lifecycle().sessions(
                                RequestContext.caller(environment, accounts)))
                        .dataFetcher("exportAccount", environment -> AccountExportJson.of(lifecycle().export(
                                RequestContext.caller(environment, accounts), RequestContext.origin(environment)))))
                .type("Mutation", type -> type
                        .dataFetcher("endSession", environment -> {
                            lifecycle().endSession(RequestContext.caller(environment, accounts),
                                    environment.getArgument("id"), RequestContext.origin(environment));
                            return true;
                        })
                        .dataFetcher("deleteAccount", environment -> {
                            var caller = RequestContext.caller(environment, accounts);
                            lifecycle().deleteAccount(caller, environment.getArgument("currentPassword"),
                                    environment.getArgument("code"), RequestContext.origin(environment));
                            RequestContext.clearRefreshCookie(environment);
                            return true;
                        })
                        .dataFetcher("requestEmailChange", environment -> {
                            var caller = RequestContext.caller(environment, accounts);
                            lifecycle().requestEmailChange(caller, environment.getArgument("newEmail"),
                                    environment.getArgument("currentPassword"), RequestContext.origin(environment));
                            return true;
                        })
                        .dataFetcher("confirmEmailChange", environment -> {
                            lifecycle().confirmEmailChange(environment.getArgument("token"),
                                    RequestContext.origin(environment));
                            return true;
                        }));
    }
}
