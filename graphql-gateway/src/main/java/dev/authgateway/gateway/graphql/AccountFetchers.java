package dev.authgateway.gateway.graphql;

import java.util.Map;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.NewAccount;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;

/** The root fields, each a call of one use case. */
final class AccountFetchers {

    private final Accounts accounts;
    private final AccessTokens tokens;

    AccountFetchers(Accounts accounts, AccessTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    RuntimeWiring wiring() {
        return RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("profile", profile()))
                .type("Mutation", type -> type
                        .dataFetcher("signup", signup())
                        .dataFetcher("login", login())
                        .dataFetcher("updateProfile", updateProfile()))
                .build();
    }

    private DataFetcher<?> signup() {
        return environment -> {
            Map<String, Object> input = environment.getArgument("input");
            return accounts.signUp(new NewAccount((String) input.get("username"), (String) input.get("email"),
                    (String) input.get("password"), (String) input.get("displayName")), Caller.origin(environment));
        };
    }

    private DataFetcher<?> login() {
        return environment -> {
            Map<String, Object> input = environment.getArgument("input");
            return accounts.logIn((String) input.get("login"), (String) input.get("password"),
                    Caller.origin(environment));
        };
    }

    private DataFetcher<?> profile() {
        return environment -> accounts.profile(Caller.requireUserId(environment, tokens));
    }

    private DataFetcher<?> updateProfile() {
        return environment -> {
            String callerId = Caller.requireUserId(environment, tokens);
            Map<String, Object> input = environment.getArgument("input");
            return accounts.updateProfile(callerId, (String) input.get("displayName"), Caller.origin(environment));
        };
    }
}
