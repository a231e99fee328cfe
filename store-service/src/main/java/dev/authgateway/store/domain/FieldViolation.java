package dev.authgateway.store.domain;

/** One broken input rule, named by the field as the GraphQL API calls it. */
public record FieldViolation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
