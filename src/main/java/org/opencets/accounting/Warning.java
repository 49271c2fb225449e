package org.opencets.accounting;

import java.util.List;

/** A plausibility warning for the reviewer (verification guide): it does not block, it asks for an explanation. */
public record Warning(String unit, String code, List<Object> args) {

    public static final String CHP_EFFICIENCY = "chp.efficiency";
    public static final String CONDENSING_EFFICIENCY = "condensing.efficiency";
    public static final String DEFAULT_USED = "default.used";

    public Warning {
        args = List.copyOf(args);
    }

    public static Warning of(String unit, String code, Object... args) {
        return new Warning(unit, code, List.of(args));
    }
}
