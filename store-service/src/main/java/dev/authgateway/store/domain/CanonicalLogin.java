package dev.authgateway.store.domain;

/** A login in its canonical form: what the unique indexes hold, what lookups match and what attempts are keyed on. */
public record CanonicalLogin(boolean isEmail, String value) {

    @Override
    public String toString() {
        return "CanonicalLogin[" + (isEmail ? "email" : "username") + "]";
    }
}
