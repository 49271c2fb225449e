package org.opencets.mrv;

import org.opencets.directory.Fuel;

/** A parameter, for one fuel when it is a fuel parameter: one row of a plan, a deposit form or a template. */
public record ParameterField(Parameter parameter, Fuel fuel) {

    /** "NCV.BITUMINOUS" or "GENERATION". */
    public String name() {
        return MonthlyValue.field(parameter, fuel);
    }
}
