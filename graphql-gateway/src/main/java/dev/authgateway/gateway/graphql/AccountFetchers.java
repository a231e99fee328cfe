package dev.authgateway.gateway.graphql;

import java.util.Map;

import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.NewAccount;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;

/** The root fields, each a call of one use case. */
final class AccountFetchers {

    private final Accounts accounts;

    AccountFetchers(Accounts accounts) {
        this.accounts = accounts;
    }

    RuntimeWiring wiring() {
        return new MailFetchers(accounts).wire(RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("profile", profile()))
                .type("Mutation", type -> type
                        .dataFetcher("signup", signup())
                        .dataFetcher("login", login())
                        .dataFetcher("updateProfile", updateProfile())
                        .dataFetcher("refreshToken", environment -> RequestContext.deliver(environment,
                                accounts.refresh(RequestContext.refreshToken(environment,
                                        environment.getArgument("token")), RequestContext.origin(environment))))
                        .dataFetcher("logout", environment -> {
                            accounts.logOut(RequestContext.caller(environment, accounts),
                                    RequestContext.origin(environment));
                            RequestContext.clearRefreshCookie(environment);
                            return true;
                        })
                        .dataFetcher("logoutEverywhere", environment -> {
                            accounts.logOutEverywhere(RequestContext.caller(environment, accounts),
                                    RequestContext.origin(environment));
                            return true;
                        })))
                .build();
    }

    private DataFetcher<?> signup() {
        return environment -> {
            Map<String, Object> input = environment.getArgument("input");
            return RequestContext.deliver(environment, accounts.signUp(new NewAccount((String) input.get("username"),
                    (String) input.get("email"), (String) input.get("password"), (String) input.get("displayName")),
                    RequestContext.origin(environment)));
        };
    }

    private DataFetcher<?> login() {
        return environment -> {
            Map<String, Object> input = environment.getArgument("input");
            return RequestContext.deliver(environment, accounts.logIn((String) input.get("login"),
                    (String) input.get("password"), RequestContext.origin(environment)));
        };
    }

    private DataFetcher<?> profile() {
        return environment -> accounts.profile(RequestContext.caller(environment, accounts));
    }

    private DataFetcher<?> updateProfile() {
        return environment -> {
            var caller = RequestContext.caller(environment, accounts);
            Map<String, Object> input = environment.getArgument("input");
            return accounts.updateProfile(caller, (String) input.get("displayName"),
                    RequestContext.origin(environment));
        };
    }
}
