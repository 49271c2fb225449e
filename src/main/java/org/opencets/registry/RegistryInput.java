package org.opencets.registry;

import java.math.BigDecimal;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;

/** Parses quantities and vintages as users and clients type them, refusing fractions, junk and absurd sizes with a specific error. */
final class RegistryInput {

    private RegistryInput() {
    }

    /** A whole, positive number of tonnes from a form field or a JSON number or string. */
    static long quantity(Object raw) {
        BigDecimal value;
        try {
            value = raw instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(raw).strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new ValidationFailed(FieldViolation.of("quantity", "registry.quantity.number", "The quantity must be a whole number of tonnes"));
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

    static Vintage vintage(Object raw) {
        try {
            return Vintage.parse(raw == null ? null : String.valueOf(raw));
        } catch (InvalidValueException e) {
            throw new ValidationFailed(FieldViolation.of("vintage", e));
        }
    }
}
