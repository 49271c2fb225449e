package org.opencets.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencets.shared.FieldViolation;

/**
 * What a conclusion must contain (issue 6 "a conclusion without a verified figure for every unit is refused"): a
 * verified emissions and compliance figure for every reported unit and nothing else; generation and heat supplied for
 * power units; no negative figure; compliance emissions not above total emissions; an opinion. After a re-verification
 * that changed the figures, the revised conclusion must carry the re-verified figures (seed 004 §三(三)6).
 */
final class ConclusionRules {

    static final int OPINION_LENGTH = 4000;

    private ConclusionRules() {
    }

    static List<FieldViolation> check(VerificationTask task, ConclusionInput input, Map<String, Reverification.Figures> required) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> expected = task.lines().stream().map(VerificationTask.ReportedLine::unit).collect(Collectors.toSet());
        input.lines().stream().collect(Collectors.groupingBy(Conclusion.Line::unit, Collectors.counting())).forEach((unit, n) -> {
            if (n > 1) {
                violations.add(FieldViolation.of(unit + ".emissions", "verification.conclusion.duplicateUnit", "Unit {0} is given {1} times", unit, n));
            }
        });
        Map<String, Conclusion.Line> given = input.lines().stream().collect(Collectors.toMap(Conclusion.Line::unit, l -> l, (a, b) -> a));
        for (String unit : expected) {
            Conclusion.Line line = given.get(unit);
            if (line == null || line.emissions() == null || line.compliance() == null) {
                violations.add(FieldViolation.of(unit + ".emissions", "verification.conclusion.missingFigure",
                        "Unit {0} has no verified emissions figure", unit));
                continue;
            }
            checkLine(task, line, violations, true);
            Reverification.Figures must = required.get(unit);
            if (must != null && (line.emissions().compareTo(must.emissions()) != 0 || line.compliance().compareTo(must.compliance()) != 0)) {
                violations.add(FieldViolation.of(unit + ".emissions", "verification.conclusion.notReverified",
                        "Unit {0}: the re-verification set {1} t (compliance {2} t)", unit, must.emissions().toPlainString(),
                        must.compliance().toPlainString()));
            }
        }
        given.keySet().stream().filter(u -> !expected.contains(u)).sorted().forEach(u -> violations.add(FieldViolation.of(u + ".emissions",
                "verification.conclusion.unknownUnit", "{0} is not a unit of this report", u)));
        input.products().forEach((product, output) -> {
            if (!task.products().containsKey(product)) {
                violations.add(FieldViolation.of("p." + product, "verification.conclusion.unknownProduct", "{0} is not a product line of this report",
                        product.length() > 40 ? product.substring(0, 40) : product));
            } else if (output != null && output.signum() < 0) {
                violations.add(FieldViolation.of("p." + product, "verification.conclusion.negative", "{0} cannot be negative", product));
            } else if (output != null && !fits(output)) {
                violations.add(FieldViolation.of("p." + product, "verification.number.precision", "{0}: at most 14 digits and 2 decimals", product));
            }
        });
        if (input.opinion() == null || input.opinion().isBlank()) {
            violations.add(FieldViolation.of("opinion", "verification.conclusion.opinionMissing", "The verification opinion is missing"));
        } else if (input.opinion().length() > OPINION_LENGTH) {
            violations.add(FieldViolation.of("opinion", "verification.tooLong", "At most {0} characters", OPINION_LENGTH));
        }
        return violations;
    }

    /** The city's re-verified figures: emissions and compliance emissions for every unit, by the same line rules. */
    static List<FieldViolation> checkFigures(VerificationTask task, Map<String, Reverification.Figures> figures) {
        List<FieldViolation> violations = new ArrayList<>();
        for (VerificationTask.ReportedLine reported : task.lines()) {
            Reverification.Figures f = figures.get(reported.unit());
            if (f == null || f.emissions() == null || f.compliance() == null) {
                violations.add(FieldViolation.of(reported.unit() + ".emissions", "verification.conclusion.missingFigure",
                        "Unit {0} has no verified emissions figure", reported.unit()));
            } else {
                checkLine(task, new Conclusion.Line(reported.unit(), f.emissions(), f.compliance(), null, null), violations, false);
            }
        }
        return violations;
    }

    private static void checkLine(VerificationTask task, Conclusion.Line line, List<FieldViolation> violations, boolean production) {
        String unit = line.unit();
        for (BigDecimal v : new BigDecimal[] {line.emissions(), line.compliance(), line.generationMwh(), line.heatGj()}) {
            if (v != null && v.signum() < 0) {
                violations.add(FieldViolation.of(unit + ".emissions", "verification.conclusion.negative", "{0} cannot be negative", unit));
                return;
            }
            if (v != null && !fits(v)) {
                violations.add(FieldViolation.of(unit + ".emissions", "verification.number.precision", "{0}: at most 14 digits and 2 decimals", unit));
                return;
            }
        }
        if (line.compliance().compareTo(line.emissions()) > 0) {
            violations.add(FieldViolation.of(unit + ".compliance", "verification.conclusion.complianceAboveTotal",
                    "Unit {0}: compliance emissions exceed total emissions", unit));
        }
        if (production && task.power() && (line.generationMwh() == null || line.heatGj() == null)) {
            violations.add(FieldViolation.of(unit + ".generation", "verification.conclusion.missingProduction",
                    "Unit {0} needs its verified generation and heat supplied", unit));
        }
    }

    /** What a numeric(16, 2) column holds: at most 14 digits before the point and 2 after. */
    static boolean fits(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() <= 2 && stripped.precision() - stripped.scale() <= 14;
    }

    /** The entity's verified totals: the sums of its units, to the hundredth of a tonne. */
    record Totals(BigDecimal total, BigDecimal compliance) {
    }

    static Totals totals(ConclusionInput input) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal compliance = BigDecimal.ZERO;
        for (Conclusion.Line l : input.lines()) {
            total = total.add(l.emissions());
            compliance = compliance.add(l.compliance());
        }
        return new Totals(total.setScale(2, RoundingMode.HALF_UP), compliance.setScale(2, RoundingMode.HALF_UP));
    }
}
