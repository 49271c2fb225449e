package org.opencets.ccer;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;

/** Quantities and identifiers as users and clients type them, refused with a specific error when they are not. */
final class CcerInput {

    static final long MAX_QUANTITY = 10_000_000_000L;
    static final Pattern ETS_ACCOUNT = Pattern.compile("^E\\d{10}$");
    static final Pattern PROJECT_NUMBER = Pattern.compile("^[A-Z0-9][A-Z0-9-]{2,39}$");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");

    private CcerInput() {
    }

    /** A whole, positive number of tCO₂e from a form field or a JSON number or string (full-width digits read as ASCII). */
    static long quantity(Object raw) {
        BigDecimal value;
        if (raw instanceof BigDecimal b) {
            value = b;
        } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            value = BigDecimal.valueOf(((Number) raw).longValue());
        } else if (raw instanceof Double || raw instanceof Float) {
            value = new BigDecimal(raw.toString());
        } else {
            String text = raw == null ? "" : Normalizer.normalize(String.valueOf(raw), Normalizer.Form.NFKC).strip();
            if (text.isEmpty()) {
                throw new ValidationFailed(FieldViolation.of("quantity", "ccer.quantity.required", "Give the quantity"));
            }
            if (!PLAIN.matcher(text).matches()) {
                throw new ValidationFailed(FieldViolation.of("quantity", "ccer.quantity.number", "The quantity must be a whole number of tCO2e"));
            }
            value = new BigDecimal(text.replace(",", ""));
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new ValidationFailed(FieldViolation.of("quantity", "ccer.quantity.whole", "CCER move in whole tCO2e: {0} is not whole",
                    value.toPlainString()));
        }
        if (value.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            throw new ValidationFailed(absurd());
        }
        long q = value.longValueExact();
        List<FieldViolation> problems = quantityProblems(q);
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return q;
    }

    static List<FieldViolation> quantityProblems(long quantity) {
        if (quantity <= 0) {
            return List.of(FieldViolation.of("quantity", "ccer.quantity.positive", "The quantity must be a whole number above zero"));
        }
        return quantity > MAX_QUANTITY ? List.of(absurd()) : List.of();
    }

    private static FieldViolation absurd() {
        return FieldViolation.of("quantity", "ccer.quantity.absurd", "The quantity is above {0} tCO2e: check it", MAX_QUANTITY);
    }

    static String requestId(String id, List<FieldViolation> problems) {
        if (id == null || id.isBlank() || id.strip().length() > 200) {
            problems.add(FieldViolation.of("id", "ccer.request.id", "Every request carries its own id (1 to 200 characters) so that a retry acts once"));
            return null;
        }
        return id.strip();
    }

    static String text(String field, String value, int max, List<FieldViolation> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(FieldViolation.of(field, "ccer." + field + ".required", "Required"));
        } else if (v.length() > max) {
            problems.add(FieldViolation.of(field, "ccer.text.tooLong", "At most {0} characters", max));
        }
        return v;
    }
}
