package org.opencets.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencets.registry.RegistryInput;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;

/** Turns what a form or a client sent into a {@link SurrenderAsk}, every unreadable field reported at once under its own name. */
final class ComplianceInput {

    private ComplianceInput() {
    }

    /** {@code borrowed} may be left out (a client that has no borrowed allowances need not say so). */
    record RawAllowance(Object vintage, Object quantity, Boolean borrowed) {

        boolean isBorrowed() {
            return Boolean.TRUE.equals(borrowed);
        }
    }

    record RawOffset(Object offsetId, Object quantity) {
    }

    /** Blank quantities are skipped (a form shows every vintage and lot; the user fills some). */
    static SurrenderAsk ask(List<RawAllowance> allowances, List<RawOffset> offsets) {
        List<FieldViolation> problems = new ArrayList<>();
        List<SurrenderAsk.AllowancePick> picks = new ArrayList<>();
        for (RawAllowance a : allowances == null ? List.<RawAllowance>of() : allowances) {
            if (a == null || blank(a.quantity())) {
                continue;
            }
            String field = "allowance." + a.vintage() + (a.isBorrowed() ? ".borrowed" : "");
            try {
                Vintage v = RegistryInput.vintage(a.vintage());
                picks.add(new SurrenderAsk.AllowancePick(v, RegistryInput.quantity(a.quantity()), a.isBorrowed()));
            } catch (ValidationFailed e) {
                e.violations().forEach(f -> problems.add(new FieldViolation(field, f.messageKey(), f.defaultMessage(), f.arguments())));
            }
        }
        List<SurrenderAsk.OffsetPick> lots = new ArrayList<>();
        for (RawOffset o : offsets == null ? List.<RawOffset>of() : offsets) {
            if (o == null || blank(o.quantity())) {
                continue;
            }
            String field = "offset." + o.offsetId();
            try {
                lots.add(new SurrenderAsk.OffsetPick(UUID.fromString(String.valueOf(o.offsetId()).strip()), RegistryInput.quantity(o.quantity())));
            } catch (IllegalArgumentException e) {
                problems.add(FieldViolation.of(field, "compliance.ccer.unknown", "There is no pending CCER lot {0} in your account", o.offsetId()));
            } catch (ValidationFailed e) {
                e.violations().forEach(f -> problems.add(new FieldViolation(field, f.messageKey(), f.defaultMessage(), f.arguments())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return new SurrenderAsk(picks, lots);
    }

    private static boolean blank(Object quantity) {
        return quantity == null || String.valueOf(quantity).isBlank();
    }
}
