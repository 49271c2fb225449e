package org.opencets.mrv;

import java.math.BigDecimal;
import java.util.Objects;
import org.opencets.directory.Fuel;

/**
 * One parameter's value for a unit-month. {@code fuel} is set exactly for fuel parameters. A value may be left out
 * only when it is a default the accounting applies later (e.g. the year's default carbon content).
 */
public record MonthlyValue(Parameter parameter, Fuel fuel, BigDecimal value, MeasurementBasis basis, String note) {

    public MonthlyValue {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(basis, "basis");
        if (parameter.perFuel() != (fuel != null)) {
            throw new IllegalArgumentException(parameter + (parameter.perFuel() ? " needs a fuel" : " takes no fuel"));
        }
    }

    /** "NCV.BITUMINOUS" or "GENERATION": the field name used in forms, templates and findings. */
    public String field() {
        return field(parameter, fuel);
    }

    public static String field(Parameter parameter, Fuel fuel) {
        return fuel == null ? parameter.name() : parameter.name() + "." + fuel.name();
    }

    public boolean positive() {
        return value != null && value.signum() > 0;
    }
}
