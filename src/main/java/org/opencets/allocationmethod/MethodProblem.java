package org.opencets.allocationmethod;

import java.util.List;

/** Why the method cannot allocate: a unit (or "" for the entity), a message code and its arguments. Nothing is guessed. */
public record MethodProblem(String unit, String code, List<Object> args) {

    public static final String CATEGORY_MISSING = "allocation.problem.categoryMissing";
    public static final String BENCHMARK_MISSING = "allocation.problem.benchmarkMissing";
    public static final String HEAT_BENCHMARK_MISSING = "allocation.problem.heatBenchmarkMissing";
    public static final String CAPACITY_MISSING = "allocation.problem.capacityMissing";
    public static final String OPERATING_HOURS_MISSING = "allocation.problem.hoursMissing";
    public static final String NEGATIVE = "allocation.problem.negative";
    public static final String NO_UNITS = "allocation.problem.noUnits";
    public static final String LOAD_CORRECTION_MISSING = "allocation.problem.loadCorrectionMissing";
    public static final String LOAD_ABOVE_CAPACITY = "allocation.problem.loadAboveCapacity";

    public MethodProblem {
        args = List.copyOf(args);
    }

    static MethodProblem of(String unit, String code, Object... args) {
        return new MethodProblem(unit, code, List.of(args));
    }
}
