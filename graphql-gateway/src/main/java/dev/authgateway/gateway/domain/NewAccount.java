package dev.authgateway.gateway.domain;

/** What a signup asks for; the store-service enforces the input rules. */
public record NewAccount(String username, String email, String password, String displayName) {

    @Override
    public String toString() {
        return "NewAccount[username=" + username + ", email=" + email + "]";
    }
}
