package org.opencets.mrv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencets.directory.Fuel;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;

/**
 * Reads the deposit form: per field "v.&lt;field&gt;" (value), "b.&lt;field&gt;" (basis) and "n.&lt;field&gt;" (note). A row
 * with neither value nor a default basis is not entered. Numbers may carry thousands separators.
 */
final class DepositForm {

    private DepositForm() {
    }

    static DepositInput read(Map<String, String> form, List<Fuel> fuels) {
        List<MonthlyValue> values = new ArrayList<>();
        List<FieldViolation> problems = new ArrayList<>();
        for (ParameterField field : PlanRules.fields(fuels)) {
            String name = field.name();
            String raw = form.getOrDefault("v." + name, "").replace(",", "").replace("，", "").strip();
            MeasurementBasis basis = basis(form.get("b." + name));
            if (basis == null) {
                problems.add(FieldViolation.of(name, "deposit.basis.unknown", "{0}: unknown basis \"{1}\"", name, form.get("b." + name)));
                continue;
            }
            if (raw.isEmpty() && basis != MeasurementBasis.DEFAULT) {
                continue;
            }
            BigDecimal value = null;
            if (!raw.isEmpty()) {
                try {
                    value = new BigDecimal(raw);
                } catch (NumberFormatException e) {
                    problems.add(FieldViolation.of(name, "deposit.value.notNumber", "{0}: \"{1}\" is not a number", name, raw));
                    continue;
                }
            }
            String note = form.getOrDefault("n." + name, "").strip();
            values.add(new MonthlyValue(field.parameter(), field.fuel(), value, basis, note.isEmpty() ? null : note));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return new DepositInput(values, form.get("sampleId"), form.get("samplePlace"));
    }

    /** Blank means measured; anything that is not a basis is null (the caller reports it). */
    static MeasurementBasis basis(String text) {
        if (text == null || text.isBlank()) {
            return MeasurementBasis.MEASURED;
        }
        try {
            return MeasurementBasis.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<String> reasons(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
