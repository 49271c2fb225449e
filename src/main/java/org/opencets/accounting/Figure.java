package org.opencets.accounting;

import java.math.BigDecimal;
import java.util.List;

/**
 * A computed figure with its "how computed" view: the formula, the inputs with their sources, and every default or
 * substitute used. {@code value} is empty when the figure could not be computed (see the account's gaps).
 */
public record Figure(String key, BigDecimal value, String unit, String formula, List<Input> inputs) {

    public Figure {
        inputs = List.copyOf(inputs);
    }

    public static Figure notComputed(String key, String unit, String formula) {
        return new Figure(key, null, unit, formula, List.of());
    }

    public boolean computed() {
        return value != null;
    }

    /** True when any input came from a default or a substitute rather than the emitter's measurement. */
    public boolean usesDefault() {
        return inputs.stream().anyMatch(i -> i.defaultUsed() != null);
    }

    /**
     * One input: its symbol, value and unit, where it came from ({@code source}: a deposit id, "rules:2024", a figure
     * key) and, when it is not a measurement, why a default was used.
     */
    public record Input(String symbol, BigDecimal value, String unit, String source, DefaultUse defaultUsed) {

        public static Input of(String symbol, BigDecimal value, String unit, String source) {
            return new Input(symbol, value, unit, source, null);
        }
    }

    /** Why a default or substitute replaced a measurement: a message code and its arguments. */
    public record DefaultUse(String code, List<Object> args) {

        public DefaultUse {
            args = List.copyOf(args);
        }

        public static DefaultUse of(String code, Object... args) {
            return new DefaultUse(code, List.of(args));
        }
    }
}
