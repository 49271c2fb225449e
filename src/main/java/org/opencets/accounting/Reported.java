package org.opencets.accounting;

import java.math.BigDecimal;
import java.util.Objects;

/** A value as the emitter reported it. {@code value} may be absent only for a {@link Basis#DEFAULT} left to the rules. */
public record Reported(BigDecimal value, Basis basis) {

    public Reported {
        Objects.requireNonNull(basis, "basis");
    }

    public static Reported measured(String value) {
        return new Reported(new BigDecimal(value), Basis.MEASURED);
    }

    public static Reported byDefault() {
        return new Reported(null, Basis.DEFAULT);
    }

    public boolean hasValue() {
        return value != null;
    }

    /** A value the emitter measured or calculated (not a default to be looked up). */
    public boolean isMeasured() {
        return value != null && basis != Basis.DEFAULT;
    }
}
