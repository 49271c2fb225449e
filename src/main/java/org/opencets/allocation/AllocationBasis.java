package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.mrv.ApprovedReport;
import org.opencets.mrv.MonthlyDeposits;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.verification.Conclusion;
import org.opencets.verification.VerifiedEmissionsFinalised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verified data allocation builds on. Verification's published results arrive as events (a correction is a new
 * revision, and the final allocation then shows a correction is due); years verified outside the platform (history,
 * a migration from the national platform) are imported by the allocating bureau — never over a platform result.
 */
@Service
public class AllocationBasis {

    /** Unit emissions must add up to the entity's compliance emissions within this many tonnes per unit (rounding). */
    static final BigDecimal UNIT_SUM_TOLERANCE = new BigDecimal("0.01");
    /** The columns' limits: numeric(16,2) figures, numeric(8,2) capacity, operating hours of a leap year. */
    static final BigDecimal FIGURE = new BigDecimal("1E14");
    static final BigDecimal CAPACITY = new BigDecimal("1E6");
    private static final BigDecimal HOURS = new BigDecimal("8784.01");
    private final BasisStore store;
    private final KeyEmitterDirectory directory;
    private final MonthlyDeposits deposits;
    private final AllocationYearRules rules;
    private final WorkClock clock;
    private final JdbcClient jdbc;

    AllocationBasis(BasisStore store, KeyEmitterDirectory directory, MonthlyDeposits deposits, AllocationYearRules rules, WorkClock clock,
            JdbcClient jdbc) {
        this.store = store;
        this.directory = directory;
        this.deposits = deposits;
        this.rules = rules;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** One emitter's verified figures of an import: entity totals and, for the final allocation, its units. */
    public record EntityFigures(Uscc emitter, BigDecimal verifiedTotal, BigDecimal verifiedCompliance, List<VerifiedBasis.Unit> units) {

        public EntityFigures {
            units = List.copyOf(units);
        }
    }

    @ApplicationModuleListener
    void on(VerifiedEmissionsFinalised e) {
        String reference = "verification:" + e.taskId() + ":" + e.conclusionId() + ":" + e.revision();
        boolean power = e.units().stream().noneMatch(l -> ApprovedReport.ENTITY.equals(l.unit()));
        if (!power || recorded(reference)) {
            return; // allocation covers power units; a redelivered event records nothing twice
        }
        Map<String, GeneratingUnit> units = directory.findByUscc(e.emitter()).map(k -> directory.unitsOf(k.id())).orElse(List.of()).stream()
                .collect(Collectors.toMap(GeneratingUnit::unitCode, Function.identity(), (a, b) -> a));
        Map<String, BigDecimal> hours = deposits.approvedOperatingHours(e.emitter(), e.year());
        List<VerifiedBasis.Unit> lines = new ArrayList<>();
        for (Conclusion.Line l : e.units()) {
            GeneratingUnit u = units.get(l.unit());
            lines.add(new VerifiedBasis.Unit(l.unit(), u == null ? null : u.category(), u == null ? null : u.ratedCapacityMw(), zero(l.generationMwh()),
                    zero(l.heatGj()), hours.get(l.unit()), l.compliance()));
        }
        store.insert(new VerifiedBasis(UUID.randomUUID(), e.emitter(), e.emitterName(), e.region(), e.year(), store.nextRevision(e.emitter(), e.year()),
                VerifiedBasis.Source.VERIFICATION, reference, e.verifiedTotal(), e.verifiedCompliance(), lines, "verification", e.finalisedAt()));
    }

    /**
     * Imports verified figures for emitters of the bureau's region: all or nothing, every problem listed with the
     * emitter (and unit) it concerns.
     */
    @Transactional
    public List<VerifiedBasis> importFigures(CurrentUser user, int year, String reference, List<EntityFigures> entities) {
        AllocationAccess.requireAuthority(user, user.region(), rules.authorityLevel(year, user.region()));
        List<FieldViolation> problems = new ArrayList<>();
        if (year < 2019 || year > 2100) {
            problems.add(FieldViolation.of("year", "allocation.import.year", "The year must be between 2019 and 2100"));
        }
        if (entities.isEmpty()) {
            problems.add(FieldViolation.of("file", "allocation.import.empty", "The file has no emitters"));
        }
        Set<Uscc> seen = new HashSet<>();
        for (EntityFigures f : entities) {
            check(user, year, f, seen, problems);
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        List<VerifiedBasis> recorded = new ArrayList<>();
        for (EntityFigures f : entities) {
            KeyEmitter e = directory.findByUscc(f.emitter()).orElseThrow();
            VerifiedBasis b = new VerifiedBasis(UUID.randomUUID(), e.uscc(), e.name(), e.region(), year, store.nextRevision(e.uscc(), year),
                    VerifiedBasis.Source.IMPORT, cut(reference), f.verifiedTotal(), f.verifiedCompliance(), withDirectory(e, f.units()), user.username(),
                    clock.now());
            store.insert(b);
            recorded.add(b);
        }
        return recorded;
    }

    public java.util.Optional<VerifiedBasis> latest(CurrentUser user, Uscc emitter, int year) {
        return store.latest(emitter, year).filter(b -> AllocationAccess.sees(user, b.region(), b.emitter()));
    }

    public List<VerifiedBasis> revisions(CurrentUser user, Uscc emitter, int year) {
        return store.revisions(emitter, year).stream().filter(b -> AllocationAccess.sees(user, b.region(), b.emitter())).toList();
    }

    private void check(CurrentUser user, int year, EntityFigures f, Set<Uscc> seen, List<FieldViolation> problems) {
        String who = f.emitter() == null ? "?" : f.emitter().value();
        var emitter = f.emitter() == null ? java.util.Optional.<KeyEmitter>empty() : directory.findByUscc(f.emitter());
        if (emitter.isEmpty() || !user.region().contains(emitter.get().region())) {
            problems.add(FieldViolation.of(who, "allocation.import.unknownEmitter", "{0} is not a key emitter of your region", who));
            return;
        }
        KeyEmitter e = emitter.get();
        if (e.sector() != Sector.POWER) {
            problems.add(FieldViolation.of(who, "allocation.import.notPower", "{0} is not a power emitter", e.name()));
        }
        if (!seen.add(e.uscc())) {
            problems.add(FieldViolation.of(who, "allocation.import.duplicate", "{0} appears twice", e.name()));
        }
        if (store.revisions(e.uscc(), year).stream().anyMatch(b -> b.source() == VerifiedBasis.Source.VERIFICATION)) {
            problems.add(FieldViolation.of(who, "allocation.import.verifiedInPlatform",
                    "{0}: the platform''s verification result for {1} is used; it cannot be replaced by an import", e.name(), year));
        }
        if (!tonnes(f.verifiedTotal()) || !tonnes(f.verifiedCompliance()) || f.verifiedCompliance().compareTo(f.verifiedTotal()) > 0) {
            problems.add(FieldViolation.of(who, "allocation.import.entityFigures",
                    "{0}: verified emissions and compliance emissions must be given, not negative, and compliance not above the total", e.name()));
            return;
        }
        Set<String> known = directory.unitsOf(e.id()).stream().map(GeneratingUnit::unitCode).collect(Collectors.toSet());
        Set<String> units = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (VerifiedBasis.Unit u : f.units()) {
            if (!known.contains(u.unit())) {
                problems.add(FieldViolation.of(who + "/" + u.unit(), "allocation.import.unknownUnit", "{0} has no unit {1}", e.name(), u.unit()));
            }
            if (!units.add(u.unit())) {
                problems.add(FieldViolation.of(who + "/" + u.unit(), "allocation.import.unitTwice", "{0}: unit {1} is given twice", e.name(), u.unit()));
            }
            if (!tonnes(u.generationMwh()) || !tonnes(u.heatGj()) || !tonnes(u.emissions()) || !within(u.operatingHours(), HOURS)
                    || !within(u.ratedCapacityMw(), CAPACITY) || (u.ratedCapacityMw() != null && u.ratedCapacityMw().signum() == 0)) {
                problems.add(FieldViolation.of(who + "/" + u.unit(), "allocation.import.unitFigures",
                        "{0} {1}: generation, heat and emissions must be given, not negative, with at most 2 decimals; hours 0–8784; capacity above 0",
                        e.name(), u.unit()));
            } else {
                sum = sum.add(u.emissions());
            }
        }
        BigDecimal tolerance = UNIT_SUM_TOLERANCE.multiply(BigDecimal.valueOf(Math.max(1, f.units().size())));
        if (!f.units().isEmpty() && sum.subtract(f.verifiedCompliance()).abs().compareTo(tolerance) > 0) {
            problems.add(FieldViolation.of(who, "allocation.import.unitSum", "{0}: the units'' emissions ({1}) do not add up to the compliance emissions ({2})",
                    e.name(), sum.toPlainString(), f.verifiedCompliance().toPlainString()));
        }
    }

    /** Category and capacity come from the directory unless the file gives them. */
    private List<VerifiedBasis.Unit> withDirectory(KeyEmitter e, List<VerifiedBasis.Unit> units) {
        Map<String, GeneratingUnit> dir = directory.unitsOf(e.id()).stream()
                .collect(Collectors.toMap(GeneratingUnit::unitCode, Function.identity(), (a, b) -> a));
        return units.stream().map(u -> {
            GeneratingUnit g = dir.get(u.unit());
            return new VerifiedBasis.Unit(u.unit(), u.category() != null ? u.category() : g == null ? null : g.category(),
                    u.ratedCapacityMw() != null ? u.ratedCapacityMw() : g == null ? null : g.ratedCapacityMw(), u.generationMwh(), u.heatGj(),
                    u.operatingHours(), u.emissions());
        }).toList();
    }

    private boolean recorded(String reference) {
        return jdbc.sql("select count(*) from allocation.basis where reference = ?").param(reference).query(Long.class).single() > 0;
    }

    /** What numeric(16,2) holds, not negative. */
    private static boolean tonnes(BigDecimal v) {
        return v != null && within(v, FIGURE);
    }

    /** Empty, or not negative, at most 2 decimals and below the column's limit. */
    private static boolean within(BigDecimal v, BigDecimal limit) {
        return v == null || (v.signum() >= 0 && v.stripTrailingZeros().scale() <= 2 && v.compareTo(limit) < 0);
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static String cut(String reference) {
        String r = reference == null || reference.isBlank() ? "import" : reference.strip();
        return r.length() > 300 ? r.substring(0, 300) : r;
    }
}
