package org.opencets.calendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencets.shared.FieldViolation;

/**
 * A new version of a compliance-year value as a regulator enters it. Every problem is reported at once; a value
 * without a unit or a source is refused, and nothing is overwritten (a new version is added).
 */
public record NewPolicyValue(int year, String parameter, String qualifier, String regionPrefix, String value, String unit,
        String source, LocalDate inForceFrom, String note) {

    Optional<PolicyParameter> knownParameter() {
        try {
            return Optional.of(PolicyParameter.valueOf(parameter == null ? "" : parameter.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String qualifierOrEmpty() {
        return qualifier == null ? "" : qualifier.strip();
    }

    List<FieldViolation> violations() {
        List<FieldViolation> v = new ArrayList<>();
        Optional<PolicyParameter> known = knownParameter();
        if (known.isEmpty()) {
            v.add(FieldViolation.of("parameter", "policy.parameter.unknown", "Unknown parameter {0}", String.valueOf(parameter)));
        }
        known.ifPresent(p -> {
            if (p.qualifiers().isEmpty() ? !qualifierOrEmpty().isEmpty() : !p.qualifiers().contains(qualifierOrEmpty())) {
                v.add(FieldViolation.of("qualifier", "policy.qualifier.invalid", "Choose one of {0}",
                        p.qualifiers().isEmpty() ? "—" : String.join(", ", p.qualifiers())));
            }
            valueProblem(p).ifPresent(v::add);
            if (unit == null || unit.isBlank()) {
                v.add(FieldViolation.of("unit", "policy.unit.required", "Enter the unit ({0})", p.unit()));
            } else if (!unit.strip().equals(p.unit())) {
                v.add(FieldViolation.of("unit", "policy.unit.mismatch", "This parameter is measured in {0}", p.unit()));
            }
        });
        VersionFields.check(year, regionPrefix, source, inForceFrom, note, v);
        return v;
    }

    private Optional<FieldViolation> valueProblem(PolicyParameter p) {
        String raw = value == null ? "" : value.strip();
        if (raw.isEmpty()) {
            return Optional.of(FieldViolation.of("value", "policy.value.required", "Enter the value"));
        }
        if (raw.length() > 200) {
            return Optional.of(FieldViolation.of("value", "policy.value.length", "The value may have at most 200 characters"));
        }
        return switch (p.type()) {
            case DECIMAL -> decimal(raw).filter(d -> d.signum() > 0).isPresent() ? Optional.empty()
                    : Optional.of(FieldViolation.of("value", "policy.value.decimal", "Enter a positive number such as 0.5703", raw));
            case PERCENT -> decimal(raw).filter(d -> d.signum() >= 0 && d.compareTo(BigDecimal.valueOf(100)) <= 0).isPresent()
                    ? Optional.empty()
                    : Optional.of(FieldViolation.of("value", "policy.value.percent", "Enter a percentage between 0 and 100", raw));
            case INTEGER -> raw.matches("\\d{1,9}") ? Optional.empty()
                    : Optional.of(FieldViolation.of("value", "policy.value.integer", "Enter a whole number", raw));
            case VINTAGES -> raw.matches("\\d{4}(-\\d{4})?(\\s*,\\s*\\d{4}(-\\d{4})?)*") ? Optional.empty()
                    : Optional.of(FieldViolation.of("value", "policy.value.vintages", "List vintages separated by commas, e.g. 2019-2020,2021,2022", raw));
        };
    }

    private static Optional<BigDecimal> decimal(String raw) {
        if (!raw.matches("\\d{1,9}(\\.\\d{1,8})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(raw));
    }
}
