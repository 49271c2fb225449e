package org.opencets.shared;

import java.util.List;
import java.util.stream.Collectors;

/** A command was refused because of bad input; lists every violation at once and changed nothing. */
public class ValidationFailed extends RuntimeException {

    private final List<FieldViolation> violations;

    public ValidationFailed(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.defaultMessage()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public ValidationFailed(FieldViolation violation) {
        this(List.of(violation));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
