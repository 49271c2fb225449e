package org.opencets.mrv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencets.directory.Fuel;
import org.opencets.shared.FieldViolation;

/**
 * What a QC plan must say (seed 002 §二(一), 核算报告指南 §7 数据质量控制计划): for every parameter of every fuel, how it
 * is obtained — measured with an instrument (and its calibration) or by a lab, and how often — or which default applies.
 */
final class PlanRules {

    private PlanRules() {
    }

    /** Every parameter the unit's plan covers: the three fuel parameters per fuel, then the unit parameters. */
    static List<ParameterField> fields(List<Fuel> fuels) {
        List<ParameterField> fields = new ArrayList<>();
        for (Parameter p : Parameter.values()) {
            if (p.perFuel()) {
                fuels.forEach(f -> fields.add(new ParameterField(p, f)));
            } else {
                fields.add(new ParameterField(p, null));
            }
        }
        return fields;
    }

    /** Problems with the items as entered (each item on its own). */
    static List<FieldViolation> itemProblems(List<QcPlanItem> items, List<Fuel> fuels) {
        List<FieldViolation> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (QcPlanItem i : items) {
            String f = i.field();
            if (!seen.add(f)) {
                problems.add(FieldViolation.of(f, "plan.item.duplicate", "{0} is listed twice", f));
            }
            if (i.fuel() != null && !fuels.contains(i.fuel())) {
                problems.add(FieldViolation.of(f, "plan.fuel.notBurnt", "This unit does not burn {0}", i.fuel()));
            }
            if (blank(i.method())) {
                problems.add(FieldViolation.of(f, "plan.method.missing", "{0}: say how it is obtained", f));
            }
            switch (i.basis()) {
                case MEASURED -> measured(i, problems);
                case DEFAULT -> {
                    if (i.defaultValue() == null && i.parameter() != Parameter.CARBON_CONTENT) {
                        problems.add(FieldViolation.of(f, "plan.default.missing", "{0}: give the default value used", f));
                    }
                }
                case CALCULATED -> { }
            }
            if (i.defaultValue() != null && i.defaultValue().signum() < 0) {
                problems.add(FieldViolation.of(f, "plan.default.negative", "{0}: a default cannot be negative", f));
            }
        }
        return problems;
    }

    private static void measured(QcPlanItem i, List<FieldViolation> problems) {
        String f = i.field();
        if (blank(i.frequency())) {
            problems.add(FieldViolation.of(f, "plan.frequency.missing", "{0}: give the measuring or sampling frequency", f));
        }
        if (i.parameter().isFuelQuality() && blank(i.lab())) {
            problems.add(FieldViolation.of(f, "plan.lab.missing", "{0}: name the laboratory that tests it", f));
        }
        if (!i.parameter().isFuelQuality() && blank(i.instrument())) {
            problems.add(FieldViolation.of(f, "plan.instrument.missing", "{0}: name the measuring instrument", f));
        }
    }

    /** Problems that block submission: every item's own problems, and every parameter the unit needs covered. */
    static List<FieldViolation> submissionProblems(List<QcPlanItem> items, List<Fuel> fuels) {
        List<FieldViolation> problems = new ArrayList<>(itemProblems(items, fuels));
        Set<String> present = new HashSet<>();
        items.forEach(i -> present.add(i.field()));
        for (ParameterField field : fields(fuels)) {
            if (!present.contains(field.name())) {
                problems.add(FieldViolation.of(field.name(), "plan.item.missing", "The plan does not say how {0} is obtained", field.name()));
            }
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
