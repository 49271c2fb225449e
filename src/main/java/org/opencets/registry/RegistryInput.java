package org.opencets.registry;

import java.math.BigDecimal;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;

/** Parses quantities and vintages as users and clients type them, refusing fractions, junk and absurd sizes with a specific error. */
public final class RegistryInput {

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");

    private RegistryInput() {
    }

    /** A whole, positive number of tonnes from a form field or a JSON number or string. */
    public static long quantity(Object raw) {
        BigDecimal value;
        if (raw instanceof BigDecimal b) {
            value = b;
        } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            value = BigDecimal.valueOf(((Number) raw).longValue());
        } else {
            // full-width digits (as a Chinese input method types them) read as ASCII; thousands separators only in threes
            String text = java.text.Normalizer.normalize(String.valueOf(raw), java.text.Normalizer.Form.NFKC).strip();
            if (!PLAIN.matcher(text).matches()) {
                throw new ValidationFailed(FieldViolation.of("quantity", "registry.quantity.number", "The quantity must be a whole number of tonnes"));
            }
            value = new BigDecimal(text.replace(",", ""));
        }
        if (value.signum() <= 0) {
            throw new ValidationFailed(LedgerRules.quantity(0));
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new ValidationFailed(FieldViolation.of("quantity", "registry.quantity.whole", "Allowances move in whole tonnes: {0} is not whole",
                    value.toPlainString()));
        }
        if (value.compareTo(BigDecimal.valueOf(Ledger.MAX_QUANTITY)) > 0) {
            throw new ValidationFailed(LedgerRules.quantity(Ledger.MAX_QUANTITY + 1));
        }
        return value.longValueExact();
    }

    public static Vintage vintage(Object raw) {
        try {
            return Vintage.parse(raw == null ? null : String.valueOf(raw));
        } catch (InvalidValueException e) {
            throw new ValidationFailed(FieldViolation.of("vintage", e));
        }
    }
}
