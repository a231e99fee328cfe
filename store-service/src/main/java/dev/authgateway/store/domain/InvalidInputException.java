package dev.authgateway.store.domain;

import java.util.List;
import java.util.stream.Collectors;

/** Input broke one or more rules; every violation is reported at once. */
public final class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
