package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.accounting.Figure;
import org.opencets.allocationmethod.AllocationMethod;
import org.opencets.allocationmethod.AllocationOutcome;
import org.opencets.allocationmethod.EntityAllocation;
import org.opencets.allocationmethod.EntityBasis;
import org.opencets.allocationmethod.FinalAllocation;
import org.opencets.allocationmethod.MethodProblem;
import org.opencets.allocationmethod.PreAllocation;
import org.opencets.allocationmethod.TrueUp;
import org.opencets.allocationmethod.UnitAllocation;
import org.opencets.allocationmethod.UnitBasis;
import org.opencets.directory.EmitterStatus;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.notary.MerkleHash;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pre-allocation and final allocation (核定) with the true-up (多退少补), per emitter or for the whole region at once.
 * Each decision is numbered and frozen, computed by the pure allocation method from the verified data, and sends at
 * most one issuance instruction to the registry in the same transaction (seed 002 §二(五), seed 003 §一).
 */
@Service
public class Allocations {

    private final KeyEmitterDirectory directory;
    private final BasisStore bases;
    private final DecisionStore decisions;
    private final InstructionStore instructions;
    private final SpecialCaseStore specialCases;
    private final AllocationYearRules rules;
    private final WorkClock clock;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate perEmitter;

    Allocations(KeyEmitterDirectory directory, BasisStore bases, DecisionStore decisions, InstructionStore instructions, SpecialCaseStore specialCases,
            AllocationYearRules rules, WorkClock clock, Notices notices, ApplicationEventPublisher events, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.directory = directory;
        this.bases = bases;
        this.decisions = decisions;
        this.instructions = instructions;
        this.specialCases = specialCases;
        this.rules = rules;
        this.clock = clock;
        this.notices = notices;
        this.events = events;
        this.jdbc = jdbc;
        this.perEmitter = new TransactionTemplate(transactions);
    }

    /** Every power emitter the user sees, with its allocation year. */
    public List<EntityYear> year(CurrentUser user, int year) {
        if (!AllocationAccess.seesYear(user) && user.uscc() == null) {
            return List.of();
        }
        String prefix = user.kind().isBureau() ? user.region().prefix() : "";
        Map<Uscc, VerifiedBasis> current = bases.latestOfYear(year, prefix);
        Map<Uscc, VerifiedBasis> previous = bases.latestOfYear(year - 1, prefix);
        Map<RegionCode, AllocationMethod> methods = new java.util.HashMap<>();
        return directory.powerUnits().keySet().stream()
                .filter(e -> AllocationAccess.sees(user, e.region(), e.uscc()))
                .sorted(Comparator.comparing((KeyEmitter e) -> e.region().value()).thenComparing(KeyEmitter::name))
                .map(e -> entityYear(e, year, Optional.ofNullable(current.get(e.uscc())), Optional.ofNullable(previous.get(e.uscc())),
                        methods.computeIfAbsent(e.region(), r -> rules.method(year, r))))
                .toList();
    }

    public EntityYear entity(CurrentUser user, Uscc uscc, int year) {
        KeyEmitter e = emitter(user, uscc);
        return entityYear(e, year, bases.latest(uscc, year), bases.latest(uscc, year - 1), rules.method(year, e.region()));
    }

    public AllocationDecision decision(CurrentUser user, UUID id) {
        AllocationDecision d = decisions.find(id).orElseThrow(() -> new RecordNotFound("Allocation decision", id));
        if (!AllocationAccess.sees(user, d.region(), d.emitter())) {
            throw new RecordNotFound("Allocation decision", id);
        }
        return d;
    }

    public List<AllocationDecision> decisionsOfYear(CurrentUser user, int year) {
        return decisions.ofYear(year, "").stream().filter(d -> AllocationAccess.sees(user, d.region(), d.emitter())).toList();
    }

    public List<IssuanceInstruction> instructionsOfYear(CurrentUser user, int year) {
        return instructions.ofYear(year, "").stream().filter(i -> AllocationAccess.sees(user, i.region(), i.emitter())).toList();
    }

    /** Every issuance instruction ever made, oldest first: the registry reconciles against these (ADR 0012). */
    public List<IssuanceInstruction> allInstructions() {
        return instructions.all();
    }

    public boolean mayDecide(CurrentUser user, int year, RegionCode region) {
        return AllocationAccess.isAuthority(user, region, rules.authorityLevel(year, region));
    }

    /** Pre-allocation (预分配) for one emitter: the year's ratio of its previous year's verified emissions. */
    @Transactional
    public AllocationDecision preAllocate(CurrentUser user, Uscc uscc, int year) {
        KeyEmitter e = emitter(user, uscc);
        AllocationAccess.requireAuthority(user, e.region(), rules.authorityLevel(year, e.region()));
        EntityYear y = entity(user, uscc, year);
        refuseUnless(y.decisions().isEmpty(), "allocation.refused.alreadyDecided", "{0} already has a {1} decision", e.name(), year);
        Optional<SpecialCase> special = y.specialCase();
        if (special.isPresent() && special.get().kind() != SpecialCaseKind.LEGAL_RISK) {
            // seed 003 §一: shut-but-surviving entities get everything at the final allocation; dissolved ones nothing
            throw refusal("allocation.refused.noPreAllocation." + special.get().kind().name(), "No pre-allocation for this special case", e.name());
        }
        VerifiedBasis previous = y.previousBasis().orElseThrow(() -> refusal("allocation.refused.noPreviousYear",
                "{0} has no verified emissions for {1}", e.name(), year - 1));
        AllocationMethod method = rules.method(year, e.region());
        refuseUnless(method.preAllocationRatio() != null, "allocation.refused.ratioMissing", "No pre-allocation ratio is set for {0}", year);
        Figure pre = PreAllocation.of(method, previous.verifiedCompliance());
        long due = pre.value().longValueExact();
        AllocationDecision.Account account = special.isPresent() ? AllocationDecision.Account.PROVINCIAL : AllocationDecision.Account.EMITTER;
        return record(user, e, year, AllocationDecision.Kind.PRE_ALLOCATION, 1, previous.id(), special, due, null, 0, 0, due, account,
                "PRE_ALLOCATION", List.of(pre));
    }

    /**
     * The final allocation (核定): from the year's verified data, with the true-up against what was issued; again after
     * the verified data or the special case changed (a correction, the next revision).
     */
    @Transactional
    public AllocationDecision finalise(CurrentUser user, Uscc uscc, int year) {
        KeyEmitter e = emitter(user, uscc);
        AllocationAccess.requireAuthority(user, e.region(), rules.authorityLevel(year, e.region()));
        EntityYear y = entity(user, uscc, year);
        Optional<AllocationDecision> last = y.finalDecision();
        refuseUnless(last.isEmpty() || y.correctionDue(), "allocation.refused.alreadyFinal",
                "{0} is already allocated for {1} and nothing changed since", e.name(), year);
        Optional<SpecialCase> special = y.specialCase();
        boolean dissolved = special.isPresent() && special.get().kind() == SpecialCaseKind.DISSOLVED;
        // a dissolved emitter gets nothing whatever its data: no verified data is needed to take back what it received
        Optional<VerifiedBasis> verified = y.basis();
        if (verified.isEmpty() && !dissolved) {
            throw refusal("allocation.refused.notVerified", "The verification of {0} for {1} is not final yet", e.name(), year);
        }
        long due;
        long obligation;
        List<Figure> figures = new ArrayList<>();
        if (dissolved) {
            due = 0; // seed 003 §一: 不发放配额，不参与全国碳市场履约
            obligation = 0;
        } else {
            EntityAllocation a = compute(rules.method(year, e.region()), verified.orElseThrow());
            due = a.due();
            obligation = a.obligationTonnes();
            figures.addAll(figures(a));
        }
        long issued = y.issued();
        Figure trueUp = TrueUp.of(due, issued, y.borrowed());
        figures.add(trueUp);
        AllocationDecision.Account account = special.map(s -> s.kind().toProvincialAccount() ? AllocationDecision.Account.PROVINCIAL
                : AllocationDecision.Account.NONE).orElse(AllocationDecision.Account.EMITTER);
        int revision = last.map(d -> d.revision() + 1).orElse(1);
        return record(user, e, year, AllocationDecision.Kind.FINAL, revision, verified.map(VerifiedBasis::id).orElse(null), special, due, obligation,
                issued, y.borrowed(), trueUp.value().longValueExact(), account, revision == 1 ? "FINAL" : "CORRECTION", figures);
    }

    /** The result of a run over the region: decided per emitter, or why not. */
    public record Run(List<AllocationDecision> decided, Map<String, List<FieldViolation>> refused) {
    }

    /** Pre-allocates every emitter of the user's region that can be; the others are listed with the reason. */
    public Run preAllocateAll(CurrentUser user, int year) {
        return runAll(user, year, e -> e.decisions().isEmpty(), e -> preAllocate(user, e.emitter(), year));
    }

    /** Finalises every emitter of the user's region that has no final allocation or needs a correction. */
    public Run finaliseAll(CurrentUser user, int year) {
        return runAll(user, year, e -> e.finalDecision().isEmpty() || e.correctionDue(), e -> finalise(user, e.emitter(), year));
    }

    private Run runAll(CurrentUser user, int year, java.util.function.Predicate<EntityYear> wanted,
            java.util.function.Function<EntityYear, AllocationDecision> step) {
        AllocationAccess.requireAuthority(user, user.region(), rules.authorityLevel(year, user.region()));
        List<AllocationDecision> decided = new ArrayList<>();
        Map<String, List<FieldViolation>> refused = new java.util.LinkedHashMap<>();
        for (EntityYear e : year(user, year)) {
            if (!wanted.test(e)) {
                continue;
            }
            try {
                decided.add(perEmitter.execute(tx -> step.apply(e))); // one refusal does not undo the others
            } catch (ValidationFailed v) {
                // names are unique per district only: a second emitter of the same name is listed with its USCC
                String key = refused.containsKey(e.emitterName()) ? e.emitterName() + "（" + e.emitter().value() + "）" : e.emitterName();
                refused.put(key, v.violations());
            }
        }
        return new Run(decided, refused);
    }

    private AllocationDecision record(CurrentUser user, KeyEmitter e, int year, AllocationDecision.Kind kind, int revision, UUID basisId,
            Optional<SpecialCase> special, long due, Long obligation, long issued, long borrowed, long toIssue, AllocationDecision.Account account,
            String reason, List<Figure> figures) {
        var at = clock.now();
        String content = String.join("|", e.uscc().value(), String.valueOf(year), kind.name(), String.valueOf(revision), String.valueOf(basisId),
                special.map(s -> s.kind().name()).orElse(""), String.valueOf(due), String.valueOf(obligation), String.valueOf(issued),
                String.valueOf(borrowed), String.valueOf(toIssue), account.name(), decisions.figuresJson(figures));
        AllocationDecision d = new AllocationDecision(UUID.randomUUID(), e.uscc(), e.name(), e.region(), year, kind, revision, basisId,
                special.map(SpecialCase::kind).orElse(null), special.map(SpecialCase::note).orElse(null), due, obligation, issued, borrowed, toIssue,
                account, reason, figures, MerkleHash.hex(MerkleHash.sha256(content.getBytes(java.nio.charset.StandardCharsets.UTF_8))), user.username(),
                user.organisationName(), at);
        try {
            decisions.insert(d);
        } catch (DuplicateKeyException raced) {
            throw new org.opencets.shared.ConcurrentModification("Allocation decision", e.uscc().value() + "/" + year);
        }
        instruct(d);
        notices.issue(d, user);
        if (d.isFinal()) {
            events.publishEvent(new AllocationFinalised(d.id(), d.emitter(), d.emitterName(), d.region(), year, revision, due, obligation,
                    d.specialCase()));
        }
        return d;
    }

    /** Exactly one instruction per decision that moves anything (the unique decision column guarantees it). */
    private void instruct(AllocationDecision d) {
        if (d.toIssue() == 0) {
            return;
        }
        boolean issue = d.toIssue() > 0;
        IssuanceInstruction.Purpose purpose = d.kind() == AllocationDecision.Kind.PRE_ALLOCATION ? IssuanceInstruction.Purpose.PRE_ALLOCATION
                : d.isCorrection() ? IssuanceInstruction.Purpose.CORRECTION : IssuanceInstruction.Purpose.TRUE_UP;
        AllocationDecision.Account account = issue ? d.account() : takeBackAccount(d);
        IssuanceInstruction i = new IssuanceInstruction(UUID.randomUUID(), d.id(), null, d.emitter(), d.emitterName(), d.region(), d.year(),
                Vintage.ofYear(d.year()).toString(), purpose, issue ? IssuanceInstruction.Direction.ISSUE : IssuanceInstruction.Direction.TAKE_BACK,
                Math.abs(d.toIssue()), account, false, d.decidedAt());
        instructions.insert(i);
        events.publishEvent(i);
    }

    /** Allowances are taken back from where the year's earlier issuance went. */
    private AllocationDecision.Account takeBackAccount(AllocationDecision d) {
        return decisions.of(d.emitter(), d.year()).stream().filter(x -> !x.id().equals(d.id()) && x.toIssue() > 0)
                .map(AllocationDecision::account).filter(a -> a != AllocationDecision.Account.NONE).reduce((a, b) -> b)
                .orElse(AllocationDecision.Account.EMITTER);
    }

    EntityAllocation compute(AllocationMethod method, VerifiedBasis basis) {
        AllocationOutcome outcome = FinalAllocation.compute(method, entityBasis(basis));
        if (outcome instanceof AllocationOutcome.Refused r) {
            throw new ValidationFailed(r.problems().stream().map(Allocations::violation).toList());
        }
        return ((AllocationOutcome.Allocated) outcome).allocation();
    }

    static FieldViolation violation(MethodProblem p) {
        return new FieldViolation(p.unit().isEmpty() ? "basis" : p.unit(), p.code(), PROBLEM_TEXT.getOrDefault(p.code(), p.code()), p.args());
    }

    /** English texts for the API's problem details (pages use the message bundles). */
    private static final Map<String, String> PROBLEM_TEXT = Map.of(
            MethodProblem.CATEGORY_MISSING, "Unit {0} has no unit category",
            MethodProblem.BENCHMARK_MISSING, "No electricity benchmark for category {0} is set for {1,number,#}",
            MethodProblem.HEAT_BENCHMARK_MISSING, "No heat benchmark ({0}) is set for {1,number,#}",
            MethodProblem.OPERATING_HOURS_MISSING, "Conventional coal unit {0} has no operating hours",
            MethodProblem.CAPACITY_MISSING, "Conventional coal unit {0} has no rated capacity",
            MethodProblem.NEGATIVE, "Verified data missing or negative: {0}",
            MethodProblem.NO_UNITS, "The verified data has no units",
            MethodProblem.LOAD_ABOVE_CAPACITY, "Unit {0} has a load rate of {1}, above its capacity",
            MethodProblem.LOAD_CORRECTION_MISSING, "No load correction bands are set for {0,number,#}");

    static EntityBasis entityBasis(VerifiedBasis b) {
        return new EntityBasis(b.emitter().value(), b.units().stream().map(u -> new UnitBasis(u.unit(), u.category(), u.ratedCapacityMw(),
                u.generationMwh(), u.heatGj(), u.operatingHours(), u.emissions())).toList(), b.verifiedCompliance());
    }

    static List<Figure> figures(EntityAllocation a) {
        List<Figure> all = new ArrayList<>();
        for (UnitAllocation u : a.units()) {
            for (Figure f : new Figure[] {u.loadRate(), u.loadFactor(), u.electricity(), u.heat(), u.benchmark(), u.gasTopUp()}) {
                if (f != null) {
                    all.add(f);
                }
            }
        }
        all.add(a.unitsTotal());
        if (a.gapCapTopUp().computed()) {
            all.add(a.gapCapTopUp());
        }
        all.add(a.allocationDue());
        all.add(a.obligation());
        return all;
    }

    private EntityYear entityYear(KeyEmitter e, int year, Optional<VerifiedBasis> basis, Optional<VerifiedBasis> previous, AllocationMethod method) {
        Optional<AllocationOutcome> preview = Optional.empty();
        Optional<Figure> pre = Optional.empty();
        if (basis.isPresent()) {
            preview = Optional.of(FinalAllocation.compute(method, entityBasis(basis.get())));
        }
        if (previous.isPresent() && method.preAllocationRatio() != null) {
            pre = Optional.of(PreAllocation.of(method, previous.get().verifiedCompliance()));
        }
        List<AllocationDecision> ds = decisions.of(e.uscc(), year);
        List<IssuanceInstruction> is = instructions.of(e.uscc()).stream().filter(i -> i.year() == year || borrowingFor(i, year)).toList();
        return new EntityYear(e.uscc(), e.name(), e.region(), year, e.status(), specialCases.inForce(e.uscc(), year), basis, previous, preview, pre, ds, is,
                borrowedAgainst(e.uscc(), year));
    }

    private static boolean borrowingFor(IssuanceInstruction i, int year) {
        return i.purpose() == IssuanceInstruction.Purpose.BORROWING && i.vintage().equals(Vintage.ofYear(year).toString());
    }

    /** Allowances of {@code year} borrowed early: approved borrowing in the compliance period before it (seed 003 §三). */
    long borrowedAgainst(Uscc emitter, int year) {
        if (year - 1 < 2019 || Borrowings.lendingYear(year - 1) != year) {
            return 0;
        }
        var period = org.opencets.shared.CompliancePeriod.containing(year - 1);
        return jdbc.sql("""
                select coalesce(sum(approved), 0) from allocation.borrowing where emitter_uscc = ? and data_year between ? and ? and status = 'APPROVED'""")
                .params(emitter.value(), period.firstYear(), period.lastYear()).query(Long.class).single();
    }

    private KeyEmitter emitter(CurrentUser user, Uscc uscc) {
        KeyEmitter e = directory.findByUscc(uscc).orElseThrow(() -> new RecordNotFound("Key emitter", uscc.value()));
        if (!AllocationAccess.sees(user, e.region(), e.uscc())) {
            throw new RecordNotFound("Key emitter", uscc.value());
        }
        return e;
    }

    static ValidationFailed refusal(String code, String message, Object... args) {
        return new ValidationFailed(FieldViolation.of("allocation", code, message, args));
    }

    private static void refuseUnless(boolean ok, String code, String message, Object... args) {
        if (!ok) {
            throw refusal(code, message, args);
        }
    }
}
