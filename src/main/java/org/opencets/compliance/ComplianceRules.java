package org.opencets.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencets.registry.PendingOffset;
import org.opencets.shared.FieldViolation;

/**
 * The surrender rules in one place, as values (every violation at once): a verified obligation must exist; only the
 * year's vintages (seed 003 §四); no more than held; CCER only from projects outside the national ETS (seed 000 附件3
 * 一(二)), period-1 cancelled CCER only where the year allows it (seed 003 §二), and at most the year's cap — 5 % of
 * the obligation (seed 003 §二, seed 000 附件3 一(一)) — counting what earlier surrenders of the year used.
 */
final class ComplianceRules {

    private ComplianceRules() {
    }

    /** The most CCER that may offset an obligation: cap % of it, rounded down to whole tonnes. */
    static long offsetCap(long obligation, BigDecimal capPercent) {
        return BigDecimal.valueOf(obligation).multiply(capPercent).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValueExact();
    }

    /** The offset as a share of the obligation, in per cent with two decimals (the form's "比例 (%)"). */
    static BigDecimal ratioPercent(long offset, long obligation) {
        if (obligation == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(offset).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(obligation), 2, RoundingMode.HALF_UP);
    }

    static List<FieldViolation> check(SurrenderPosition p, SurrenderAsk ask) {
        if (p.obligation() == null) {
            return List.of(FieldViolation.of("year", "compliance.no.obligation",
                    "There is no verified surrender obligation for {0,number,#}: nothing can be surrendered for it yet", p.year()));
        }
        List<FieldViolation> problems = new ArrayList<>();
        if (ask.isEmpty() || ask.allowanceTotal() + ask.offsetTotal() == 0) {
            problems.add(FieldViolation.of("quantity", "compliance.nothing", "Enter at least one quantity of allowances or CCER to surrender"));
        }
        problems.addAll(allowances(p, ask));
        problems.addAll(offsets(p, ask));
        long asked = ask.allowanceTotal() + ask.offsetTotal();
        if (asked > p.gap()) {
            problems.add(FieldViolation.of("quantity", "compliance.over.obligation",
                    "The request gives {0} t but only {1} t of the {2,number,#} obligation are outstanding", asked, p.gap(), p.year()));
        }
        return problems.stream().distinct().toList();
    }

    private static List<FieldViolation> allowances(SurrenderPosition p, SurrenderAsk ask) {
        List<FieldViolation> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SurrenderAsk.AllowancePick a : ask.allowances()) {
            String v = a.vintage().toString();
            String field = "allowance." + v + (a.borrowed() ? ".borrowed" : "");
            if (!seen.add(field)) {
                problems.add(FieldViolation.of(field, "compliance.vintage.twice", "Vintage {0} is listed twice", v));
            }
            if (a.quantity() <= 0) {
                problems.add(FieldViolation.of(field, "compliance.quantity.positive", "Quantities are whole tonnes above zero"));
                continue;
            }
            if (!p.allowedVintages().contains(a.vintage())) {
                problems.add(FieldViolation.of(field, "compliance.vintage.not.allowed",
                        "Vintage {0} allowances cannot be surrendered for {1,number,#}", v, p.year()));
                continue;
            }
            long held = (a.borrowed() ? p.borrowed() : p.available()).getOrDefault(a.vintage(), 0L);
            if (a.quantity() > held) {
                problems.add(FieldViolation.of(field, "compliance.holding.insufficient",
                        "You hold {0} t of vintage {1} that can be surrendered; {2} t asked", held, v, a.quantity()));
            }
        }
        return problems;
    }

    private static List<FieldViolation> offsets(SurrenderPosition p, SurrenderAsk ask) {
        List<FieldViolation> problems = new ArrayList<>();
        Map<UUID, PendingOffset> lots = p.pendingOffsets().stream().collect(Collectors.toMap(PendingOffset::offsetId, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        for (SurrenderAsk.OffsetPick o : ask.offsets()) {
            String field = "offset." + o.offsetId();
            Optional<PendingOffset> lot = Optional.ofNullable(lots.get(o.offsetId()));
            if (!seen.add(o.offsetId())) {
                problems.add(FieldViolation.of(field, "compliance.ccer.twice", "The same CCER lot is listed twice"));
            }
            if (lot.isEmpty()) {
                problems.add(FieldViolation.of(field, "compliance.ccer.unknown", "There is no pending CCER lot {0} in your account", o.offsetId()));
                continue;
            }
            PendingOffset l = lot.get();
            if (o.quantity() <= 0) {
                problems.add(FieldViolation.of(field, "compliance.quantity.positive", "Quantities are whole tonnes above zero"));
                continue;
            }
            if (l.projectInNationalEts()) {
                problems.add(FieldViolation.of(field, "compliance.ccer.ineligible",
                        "Project {0} ({1}) is covered by the national ETS: its CCER cannot offset surrender", l.projectNumber(), l.projectName()));
            }
            if (l.firstPeriod() && !p.firstPeriodCcerUsable()) {
                problems.add(FieldViolation.of(field, "compliance.ccer.first.period",
                        "CCER cancelled in the first period may offset only the years that allow it, not {0,number,#}", p.year()));
            }
            if (o.quantity() > l.remaining()) {
                problems.add(FieldViolation.of(field, "compliance.ccer.insufficient", "Lot {0} has {1} t pending; {2} t asked", l.projectNumber(),
                        l.remaining(), o.quantity()));
            }
        }
        long room = p.offsetRoom();
        if (ask.offsetTotal() > room) {
            problems.add(FieldViolation.of("offsets", "compliance.offset.cap",
                    "CCER may offset at most {0}% of the obligation ({1} t for {2,number,#}, {3} t already used): {4} t asked", p.offsetCapPercent().stripTrailingZeros().toPlainString(),
                    offsetCap(p.obligation(), p.offsetCapPercent()), p.year(), p.surrenderedCcer(), ask.offsetTotal()));
        }
        return problems;
    }
}
