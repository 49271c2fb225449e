package org.opencets.verification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;

/**
 * The conclusion and re-verification forms: one row per reported line ({@code u<i>.e} emissions, {@code u<i>.c}
 * compliance, {@code u<i>.g} generation MWh, {@code u<i>.h} heat GJ), products as {@code p.<PRODUCT>}. A value that
 * is not a number is refused by name; an empty one is absent ({@link ConclusionRules} then says what is missing or too long).
 */
final class ConclusionForm {

    private ConclusionForm() {
    }

    static ConclusionInput parse(VerificationTask task, Map<String, String> form) {
        List<FieldViolation> violations = new ArrayList<>();
        List<Conclusion.Line> lines = new ArrayList<>();
        for (int i = 0; i < task.lines().size(); i++) {
            String unit = task.lines().get(i).unit();
            BigDecimal e = number(form, "u" + i + ".e", unit, violations);
            BigDecimal c = number(form, "u" + i + ".c", unit, violations);
            if (e != null || c != null) {
                lines.add(new Conclusion.Line(unit, e, c, number(form, "u" + i + ".g", unit, violations), number(form, "u" + i + ".h", unit, violations)));
            }
        }
        Map<String, BigDecimal> products = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("p.") && v != null && !v.isBlank()) {
                BigDecimal n = number(form, k, k.substring(2), violations);
                if (n != null) {
                    products.put(k.substring(2), n);
                }
            }
        });
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        return new ConclusionInput(lines.stream().filter(l -> l.emissions() != null && l.compliance() != null).toList(), products,
                form.getOrDefault("opinion", ""));
    }

    static Map<String, Reverification.Figures> figures(VerificationTask task, Map<String, String> form) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, Reverification.Figures> figures = new LinkedHashMap<>();
        for (int i = 0; i < task.lines().size(); i++) {
            String unit = task.lines().get(i).unit();
            BigDecimal e = number(form, "u" + i + ".e", unit, violations);
            BigDecimal c = number(form, "u" + i + ".c", unit, violations);
            if (e != null && c != null) {
                figures.put(unit, new Reverification.Figures(e, c));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        return figures;
    }

    private static BigDecimal number(Map<String, String> form, String field, String label, List<FieldViolation> violations) {
        String raw = form.get(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip().replace(",", "")); // digits and places: ConclusionRules
        } catch (NumberFormatException e) {
            violations.add(FieldViolation.of(field, "verification.number.invalid", "{0}: \"{1}\" is not a number", label, raw.strip()));
            return null;
        }
    }
}
