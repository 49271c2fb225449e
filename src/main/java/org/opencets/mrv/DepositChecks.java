package org.opencets.mrv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencets.directory.Fuel;

/**
 * The automatic checks of a monthly deposit (seed 002 §二(二) 及时性、完整性、规范性; §二(六) coal samples), as a pure
 * function of the deposit and what it is checked against. Errors block submission; warnings go with it to the reviewer.
 */
final class DepositChecks {

    /** Units may run a little above nameplate; beyond 5% the generation cannot be right. */
    static final BigDecimal OVERLOAD = new BigDecimal("1.05");
    /** Generation further than 10% from capacity × hours × load is worth a reviewer's look. */
    static final BigDecimal LOAD_TOLERANCE = new BigDecimal("0.10");
    static final String LATE = "late";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Range(BigDecimal min, BigDecimal max, String source) {
        boolean holds(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }

    /** What a deposit is checked against: the unit, its plan in force, the year's ranges and sample rules, the due date. */
    record Context(YearMonth month, BigDecimal capacityMw, List<Fuel> fuels, Optional<QcPlan> plan, Map<String, Range> ranges,
            boolean retainedSampleRequired, boolean samplingRecordingRequired, LocalDate due, LocalDate today) {
    }

    record Evidence(EvidenceKind kind, Fuel fuel) {
    }

    private DepositChecks() {
    }

    static List<Finding> check(Context context, List<MonthlyValue> values, List<Evidence> evidence, String sampleId, String samplePlace) {
        List<Finding> findings = new ArrayList<>();
        Values v = new Values(values);
        completeness(context, v, findings);
        ranges(context, v, findings);
        generationFitsLoad(context, v, findings);
        evidence(context, v, evidence, findings);
        coalSamples(context, v, evidence, sampleId, samplePlace, findings);
        planConsistency(context, v, findings);
        timeliness(context, findings);
        return List.copyOf(findings);
    }

    /** Seed 002 §二(二) 完整性: every parameter the plan lists (or, without a plan, every parameter) has a value. */
    static void completeness(Context context, Values v, List<Finding> findings) {
        if (context.plan().isEmpty()) {
            findings.add(Finding.warning("plan", "plan.missing", "No approved QC plan for {0}: checked against every parameter",
                    context.month().getYear()));
        }
        for (ParameterField f : required(context)) {
            if (f.parameter().isFuelQuality() && !v.positive(Parameter.FUEL_CONSUMPTION, f.fuel())) {
                continue;
            }
            if (v.get(f.parameter(), f.fuel()).isEmpty()) {
                findings.add(Finding.error(f.name(), "value.missing", "{0} is missing", f.name()));
            }
        }
        v.all().stream().filter(m -> m.fuel() != null && !context.fuels().contains(m.fuel())).forEach(m -> findings.add(
                Finding.error(m.field(), "fuel.notBurnt", "This unit does not burn {0}", m.fuel())));
    }

    static List<ParameterField> required(Context context) {
        if (context.plan().isPresent()) {
            return context.plan().get().items().stream().map(i -> new ParameterField(i.parameter(), i.fuel())).toList();
        }
        List<ParameterField> fields = new ArrayList<>();
        for (Parameter p : Parameter.values()) {
            if (p.perFuel()) {
                context.fuels().forEach(fuel -> fields.add(new ParameterField(p, fuel)));
            } else {
                fields.add(new ParameterField(p, null));
            }
        }
        return fields;
    }

    /** 规范性: physical limits and the fuel's plausible band. */
    static void ranges(Context context, Values v, List<Finding> findings) {
        BigDecimal monthHours = BigDecimal.valueOf(context.month().lengthOfMonth() * 24L);
        v.number(Parameter.OPERATING_HOURS, null).filter(h -> h.compareTo(monthHours) > 0).ifPresent(h -> findings.add(Finding.error(
                "OPERATING_HOURS", "hours.exceedMonth", "Operating hours {0} exceed the {1} hours of {2}", plain(h), plain(monthHours),
                context.month())));
        for (Parameter percent : List.of(Parameter.LOAD_FACTOR, Parameter.AUX_POWER_RATE)) {
            v.number(percent, null).filter(p -> p.compareTo(HUNDRED) > 0).ifPresent(p -> findings.add(Finding.error(percent.name(),
                    "percent.range", "{0} must lie between 0 and 100%, not {1}", percent.name(), plain(p))));
        }
        v.number(Parameter.POWER_SUPPLIED, null).ifPresent(supplied -> v.number(Parameter.GENERATION, null)
                .filter(generated -> supplied.compareTo(generated) > 0).ifPresent(generated -> findings.add(Finding.error(
                        "POWER_SUPPLIED", "supplied.exceedsGeneration", "Power supplied {0} MWh exceeds generation {1} MWh",
                        plain(supplied), plain(generated)))));
        for (MonthlyValue m : v.all()) {
            if (m.fuel() == null || m.value() == null || !m.parameter().isFuelQuality()) {
                continue;
            }
            Range range = context.ranges().get(m.field());
            if (range != null && !range.holds(m.value())) {
                findings.add(Finding.error(m.field(), "fuel.range", "{0} {1} {2} lies outside the plausible range {3}–{4} for this fuel",
                        m.field(), plain(m.value()), m.parameter().unitFor(m.fuel()), plain(range.min()), plain(range.max())));
            }
        }
    }

    /** Generation cannot exceed capacity × hours (with a little overload), and should be near capacity × hours × load. */
    static void generationFitsLoad(Context context, Values v, List<Finding> findings) {
        Optional<BigDecimal> generation = v.number(Parameter.GENERATION, null);
        Optional<BigDecimal> hours = v.number(Parameter.OPERATING_HOURS, null);
        if (generation.isEmpty() || hours.isEmpty()) {
            return;
        }
        BigDecimal ceiling = context.capacityMw().multiply(hours.get()).multiply(OVERLOAD);
        if (generation.get().compareTo(ceiling) > 0) {
            findings.add(Finding.error("GENERATION", "generation.exceedsCapacity",
                    "Generation {0} MWh exceeds what {1} MW can produce in {2} h ({3} MWh)", plain(generation.get()),
                    plain(context.capacityMw()), plain(hours.get()), plain(ceiling.setScale(0, RoundingMode.HALF_UP))));
            return;
        }
        v.number(Parameter.LOAD_FACTOR, null).ifPresent(load -> {
            BigDecimal expected = context.capacityMw().multiply(hours.get()).multiply(load).divide(HUNDRED, 3, RoundingMode.HALF_UP);
            if (expected.signum() == 0) {
                return;
            }
            BigDecimal deviation = generation.get().subtract(expected).abs().divide(expected, 4, RoundingMode.HALF_UP);
            if (deviation.compareTo(LOAD_TOLERANCE) > 0) {
                findings.add(Finding.warning("GENERATION", "generation.loadMismatch",
                        "Generation {0} MWh differs by {1}% from capacity × hours × load = {2} MWh", plain(generation.get()),
                        plain(deviation.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP)), plain(expected.setScale(0, RoundingMode.HALF_UP))));
            }
        });
    }

    /** Every measured, non-zero value needs its supporting file (per fuel where it is about a fuel). */
    static void evidence(Context context, Values v, List<Evidence> evidence, List<Finding> findings) {
        for (MonthlyValue m : v.all()) {
            if (m.basis() != MeasurementBasis.MEASURED || !m.positive()) {
                continue;
            }
            EvidenceKind kind = m.parameter().evidence();
            if (!has(evidence, kind, m.fuel())) {
                String field = "evidence." + kind + (m.fuel() == null ? "" : "." + m.fuel());
                if (findings.stream().noneMatch(f -> f.field().equals(field))) {
                    findings.add(Finding.error(field, "evidence.missing", "{0} needs a {1} file", m.field(), kind));
                }
            }
        }
    }

    /** Seed 002 §二(六): coal burnt in the month → the retained sample's ID and place, and from 2024 the sampling record. */
    static void coalSamples(Context context, Values v, List<Evidence> evidence, String sampleId, String samplePlace,
            List<Finding> findings) {
        boolean coalBurnt = v.all().stream().anyMatch(m -> m.parameter() == Parameter.FUEL_CONSUMPTION && m.fuel().isCoal() && m.positive());
        if (!coalBurnt) {
            return;
        }
        if (context.retainedSampleRequired()) {
            if (blank(sampleId)) {
                findings.add(Finding.error("sampleId", "sample.id.missing", "The retained coal sample's ID is missing"));
            }
            if (blank(samplePlace)) {
                findings.add(Finding.error("samplePlace", "sample.place.missing", "Where the retained coal sample is stored is missing"));
            }
        }
        if (context.samplingRecordingRequired() && evidence.stream().noneMatch(e -> e.kind() == EvidenceKind.SAMPLING_RECORDING)) {
            findings.add(Finding.error("evidence.SAMPLING_RECORDING", "evidence.recording.missing",
                    "Photos or video of coal sampling, preparation, testing and storage are required"));
        }
    }

    /** A default where the plan promises a measurement is flagged for the reviewer. */
    static void planConsistency(Context context, Values v, List<Finding> findings) {
        context.plan().ifPresent(plan -> {
            for (MonthlyValue m : v.all()) {
                plan.item(m.parameter(), m.fuel()).filter(i -> i.basis() == MeasurementBasis.MEASURED && m.basis() == MeasurementBasis.DEFAULT)
                        .ifPresent(i -> findings.add(Finding.warning(m.field(), "plan.defaultInsteadOfMeasured",
                                "{0}: the QC plan says measured ({1}) but a default is used", m.field(), i.method())));
            }
        });
    }

    /** Seed 002 §二(二): due 20 natural days after month end; a late month may still be submitted but shows as late. */
    static void timeliness(Context context, List<Finding> findings) {
        if (context.today().isAfter(context.due())) {
            findings.add(Finding.warning("month", LATE, "Late: {0} was due on {1}", context.month(), context.due()));
        }
    }

    private static boolean has(List<Evidence> evidence, EvidenceKind kind, Fuel fuel) {
        return evidence.stream().anyMatch(e -> e.kind() == kind && (e.fuel() == null || e.fuel() == fuel));
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The deposit's values, looked up by parameter and fuel. */
    static final class Values {
        private final List<MonthlyValue> values;

        Values(List<MonthlyValue> values) {
            this.values = values;
        }

        List<MonthlyValue> all() {
            return values;
        }

        Optional<MonthlyValue> get(Parameter parameter, Fuel fuel) {
            return values.stream().filter(m -> m.parameter() == parameter && m.fuel() == fuel).findFirst();
        }

        Optional<BigDecimal> number(Parameter parameter, Fuel fuel) {
            return get(parameter, fuel).map(MonthlyValue::value);
        }

        boolean positive(Parameter parameter, Fuel fuel) {
            return get(parameter, fuel).map(MonthlyValue::positive).orElse(false);
        }
    }
}
