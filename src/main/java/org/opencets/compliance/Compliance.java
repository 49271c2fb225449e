package org.opencets.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.calendar.PolicyParameter;
import org.opencets.calendar.PolicyYearData;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.Account;
import org.opencets.registry.Holding;
import org.opencets.registry.HoldingState;
import org.opencets.registry.PendingOffset;
import org.opencets.registry.PendingOffsets;
import org.opencets.registry.Registry;
import org.opencets.registry.Submitted;
import org.opencets.registry.UnitType;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.shared.WorkClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The surrender workflow of seed 001: the emitter's position and proposal for a year, its request (checked by
 * {@link ComplianceRules} as it types and again on submission), the registry operation that reserves what it gives,
 * the province's review (approve, or reject listing every deficiency), amendment and resubmission. The registry
 * posts an approval and tells the CCER registry to cancel the offsets; compliance hears the decision back
 * ({@link SurrenderDecisions}).
 */
@Service
public class Compliance {

    private final ComplianceStore store;
    private final Registry registry;
    private final PendingOffsets offsets;
    private final PolicyYearData policy;
    private final Deadlines deadlines;
    private final TransactionTemplate tx;
    private final WorkClock clock;

    Compliance(ComplianceStore store, Registry registry, PendingOffsets offsets, PolicyYearData policy, Deadlines deadlines, PlatformTransactionManager txm,
            WorkClock clock) {
        this.store = store;
        this.registry = registry;
        this.offsets = offsets;
        this.policy = policy;
        this.deadlines = deadlines;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock;
    }

    // ---- reading

    public List<Integer> years() {
        return store.years();
    }

    public Optional<Obligation> obligation(CurrentUser user, String emitter, int year) {
        Optional<Obligation> o = store.obligation(emitter, year);
        o.ifPresent(ob -> ComplianceAccess.requireSees(user, ob.emitter(), ob.regionCode()));
        return o;
    }

    /** The emitter's page for a year (an emitter asks for itself; bureaus of its region and the ministry may look too). */
    public EmitterYear emitterYear(CurrentUser user, String emitter, int year) {
        Account account = registry.accountOf(Uscc.of(emitter)).orElse(null);
        Optional<Obligation> obligation = store.obligation(emitter, year);
        String region = obligation.map(Obligation::regionCode).orElse(account == null ? null : account.region().value());
        if (region == null) {
            if (user.uscc() == null || !user.uscc().value().equals(emitter)) {
                throw new RecordNotFound("Compliance", emitter);
            }
            region = user.region().value();
        }
        ComplianceAccess.requireSees(user, emitter, region);
        SurrenderPosition p = position(user, emitter, year, RegionCode.of(region), account, obligation.orElse(null));
        Optional<LocalDate> deadline = deadline(year, RegionCode.of(region));
        String name = obligation.map(Obligation::emitterName).orElse(account == null ? emitter : account.holderName());
        YearStanding standing = YearStanding.of(emitter, name, region, year, obligation.map(Obligation::tonnes).orElse(0L),
                obligation.map(Obligation::exempt).orElse(false), registry.surrendered(Uscc.of(emitter), year), deadline.orElse(null), clock.today());
        List<EmitterYear.UsableHolding> holdings = new ArrayList<>();
        TreeMap<Vintage, long[]> byVintage = new TreeMap<>();
        p.available().forEach((v, q) -> byVintage.computeIfAbsent(v, k -> new long[3])[0] += q);
        p.borrowed().forEach((v, q) -> byVintage.computeIfAbsent(v, k -> new long[3])[1] += q);
        p.trading().forEach((v, q) -> byVintage.computeIfAbsent(v, k -> new long[3])[2] += q);
        byVintage.forEach((v, q) -> holdings.add(new EmitterYear.UsableHolding(v, q[0], q[1], q[2], p.allowedVintages().contains(v))));
        long cap = p.obligation() == null ? 0 : ComplianceRules.offsetCap(p.obligation(), p.offsetCapPercent());
        List<SurrenderRequest> requests = store.requests("r.emitter_uscc = ? and r.year = ?", emitter, year);
        return new EmitterYear(emitter, name, region, year, account == null ? null : account.number(), obligation.orElse(null), standing,
                deadline.orElse(null), deadline.map(d -> clock.today().isAfter(d)).orElse(false), p.offsetCapPercent(), cap, p.offsetRoom(), holdings,
                p.pendingOffsets(), SurrenderProposal.of(p), requests);
    }

    public SurrenderRequest request(CurrentUser user, UUID id) {
        SurrenderRequest r = store.request(id).orElseThrow(() -> new RecordNotFound("Surrender request", id));
        ComplianceAccess.requireSees(user, r.emitter(), r.regionCode());
        return r;
    }

    /** The request if it exists and the user may see it (an API resend tells 200 from 201 with it). */
    public Optional<SurrenderRequest> requestIfAny(CurrentUser user, UUID id) {
        return store.request(id).filter(r -> ComplianceAccess.sees(user, r.emitter(), r.regionCode()));
    }

    /** Requests of the user's region for a year (all years when null), open ones first. */
    public List<SurrenderRequest> requests(CurrentUser user, Integer year, boolean openOnly) {
        String prefix = ComplianceAccess.regionPrefix(user);
        String condition = "r.region_code like ?" + (year == null ? "" : " and r.year = " + year.intValue()) + (openOnly ? " and r.status = 'SUBMITTED'" : "");
        return store.requests(condition, prefix + "%");
    }

    /** The lots of a request as the reviewer sees them (project, eligibility), with each one's quantity. */
    public List<Map.Entry<PendingOffset, Long>> offsetsOf(SurrenderRequest.Revision revision) {
        List<Map.Entry<PendingOffset, Long>> out = new ArrayList<>();
        for (var pick : revision.ask().offsets()) {
            offsets.lot(pick.offsetId()).ifPresent(l -> out.add(Map.entry(l, pick.quantity())));
        }
        return out;
    }

    // ---- checking as the user types

    /** The rules' verdict on a draft request, without recording anything. */
    public List<FieldViolation> check(CurrentUser user, int year, SurrenderAsk ask) {
        ComplianceAccess.requireEmitter(user);
        return ComplianceRules.check(positionOf(user, year), ask);
    }

    public BigDecimal ratioPercent(long offset, long obligation) {
        return ComplianceRules.ratioPercent(offset, obligation);
    }

    // ---- submitting and amending

    /**
     * Submits a new request: checked by the rules, then the registry reserves the allowances and CCER (its operation id
     * is derived from {@code requestId}, so a retry — a double click, a lost answer — submits once).
     */
    public SurrenderRequest submit(CurrentUser user, UUID requestId, int year, SurrenderAsk ask, SurrenderRequest.Contact contact) {
        ComplianceAccess.requireEmitter(user);
        Optional<SurrenderRequest> existing = store.request(requestId);
        if (existing.isPresent()) {
            ComplianceAccess.requireSees(user, existing.get().emitter(), existing.get().regionCode());
            return complete(user, existing.get(), ask);
        }
        SurrenderPosition p = positionOf(user, year);
        List<FieldViolation> problems = new ArrayList<>(ComplianceRules.check(p, ask));
        problems.addAll(contactProblems(contact));
        if (!problems.isEmpty()) {
            // the same request sent twice at once: the other copy may have reserved what this one checked
            Optional<SurrenderRequest> raced = store.request(requestId);
            if (raced.isPresent()) {
                return complete(user, raced.get(), ask);
            }
            throw new ValidationFailed(problems);
        }
        Obligation o = store.obligation(user.uscc().value(), year).orElseThrow();
        boolean late = late(year, RegionCode.of(o.regionCode()));
        if (!store.insertRequest(requestId, o, late, contact, clock.now())) {
            Optional<SurrenderRequest> raced = store.request(requestId);
            if (raced.isPresent()) {
                return complete(user, raced.get(), ask);
            }
            throw new ValidationFailed(FieldViolation.of("request", "compliance.request.open",
                    "A request for {0,number,#} is already under review: wait for the province's decision", year));
        }
        try {
            Submitted s = toRegistry(user, requestId, 1, year, ask);
            store.insertRevision(requestId, 1, s.operation().id(), ask, user.displayName(), clock.now());
        } catch (RuntimeException e) {
            // only a request that never reached the registry is withdrawn (a concurrent copy may have completed it)
            if (store.request(requestId).map(r -> r.revisions().isEmpty()).orElse(false)) {
                store.deleteRequest(requestId);
            }
            throw e;
        }
        return store.request(requestId).orElseThrow();
    }

    /** A rejected request, amended and submitted again as its next revision. */
    public SurrenderRequest amend(CurrentUser user, UUID requestId, int expectedVersion, SurrenderAsk ask, SurrenderRequest.Contact contact) {
        ComplianceAccess.requireEmitter(user);
        SurrenderRequest r = request(user, requestId);
        if (r.status() == SurrenderRequest.Status.SUBMITTED && r.version() == expectedVersion + 1) {
            return complete(user, r, ask); // a retry of this amendment
        }
        if (r.status() != SurrenderRequest.Status.REJECTED) {
            throw new ValidationFailed(FieldViolation.of("request", "compliance.request.not.rejected",
                    "Only a rejected request can be amended; this one is {0}", r.status().name()));
        }
        SurrenderPosition p = positionOf(user, r.year());
        List<FieldViolation> problems = new ArrayList<>(ComplianceRules.check(p, ask));
        problems.addAll(contactProblems(contact));
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        if (!store.reopen(requestId, expectedVersion, late(r.year(), RegionCode.of(r.regionCode())), contact, clock.now())) {
            throw new org.opencets.shared.ConcurrentModification("Surrender request", requestId.toString());
        }
        int revision = r.revision() + 1;
        try {
            Submitted s = toRegistry(user, requestId, revision, r.year(), ask);
            store.insertRevision(requestId, revision, s.operation().id(), ask, user.displayName(), clock.now());
        } catch (RuntimeException e) {
            store.undoReopen(requestId, revision);
            throw e;
        }
        return store.request(requestId).orElseThrow();
    }

    /** A request recorded but whose registry operation was not (a crash in between): submit that part again, idempotently. */
    private SurrenderRequest complete(CurrentUser user, SurrenderRequest r, SurrenderAsk ask) {
        if (r.status() == SurrenderRequest.Status.SUBMITTED && r.revisions().stream().noneMatch(v -> v.revision() == r.revision())) {
            // the registry replays its first outcome for the same content, and refuses a different one
            Submitted s = toRegistry(user, r.id(), r.revision(), r.year(), ask);
            store.insertRevision(r.id(), r.revision(), s.operation().id(), ask, user.displayName(), clock.now());
            return store.request(r.id()).orElseThrow();
        }
        return r;
    }

    private Submitted toRegistry(CurrentUser user, UUID requestId, int revision, int year, SurrenderAsk ask) {
        Account account = registry.accountOf(user.uscc()).orElseThrow(() -> new ValidationFailed(FieldViolation.of("account",
                "compliance.no.account", "You have no registry account yet: it opens with your first allowances")));
        List<Registry.SurrenderPart> parts = ask.allowances().stream().map(a -> new Registry.SurrenderPart(a.vintage(), a.quantity(), a.borrowed())).toList();
        List<Registry.OffsetPart> offsetParts = ask.offsets().stream().map(o -> new Registry.OffsetPart(o.offsetId(), o.quantity())).toList();
        return registry.surrender(user, operationId(requestId, revision), account.number(), year, parts, offsetParts);
    }

    static String operationId(UUID requestId, int revision) {
        return "compliance:" + requestId + ":" + revision;
    }

    private static List<FieldViolation> contactProblems(SurrenderRequest.Contact c) {
        List<FieldViolation> problems = new ArrayList<>();
        if (c == null || c.name() == null || c.name().isBlank()) {
            problems.add(FieldViolation.of("contactName", "compliance.contact.name", "Give the contact person for the application form"));
        }
        if (c == null || c.phone() == null || !c.phone().strip().matches("[0-9+\\- ]{7,20}")) {
            problems.add(FieldViolation.of("contactPhone", "compliance.contact.phone", "Give a telephone number (digits, 7–20 characters)"));
        }
        if (c == null || c.email() == null || !c.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(FieldViolation.of("contactEmail", "compliance.contact.email", "Give an e-mail address"));
        }
        return problems;
    }

    // ---- the province's review

    public SurrenderRequest approve(CurrentUser user, UUID requestId, int expectedVersion) {
        SurrenderRequest r = underReview(user, requestId, expectedVersion);
        registry.approve(user, r.current().operationId());
        return store.request(requestId).orElseThrow();
    }

    /** Rejects, listing every deficiency at once (seed 001 第四步 "应一次性告知不符合的相关事项"). */
    public SurrenderRequest reject(CurrentUser user, UUID requestId, int expectedVersion, List<String> deficiencies) {
        List<String> listed = deficiencies == null ? List.of() : deficiencies.stream().filter(d -> d != null && !d.isBlank()).map(String::strip).distinct()
                .toList();
        if (listed.isEmpty()) {
            throw new ValidationFailed(FieldViolation.of("deficiencies", "compliance.deficiencies.required",
                    "List every deficiency the emitter must correct (at least one)"));
        }
        SurrenderRequest r = underReview(user, requestId, expectedVersion);
        store.setDeficiencies(requestId, r.revision(), listed);
        registry.reject(user, r.current().operationId(), String.join("；", listed));
        return store.request(requestId).orElseThrow();
    }

    private SurrenderRequest underReview(CurrentUser user, UUID requestId, int expectedVersion) {
        SurrenderRequest r = request(user, requestId);
        ComplianceAccess.requireReviewer(user, r.regionCode());
        if (r.status() != SurrenderRequest.Status.SUBMITTED) {
            throw new ValidationFailed(FieldViolation.of("request", "compliance.request.decided",
                    "This request has already been decided ({0}): nothing was done", r.status().name()));
        }
        if (r.version() != expectedVersion) {
            throw new org.opencets.shared.ConcurrentModification("Surrender request", requestId.toString());
        }
        return r;
    }

    // ---- positions

    private SurrenderPosition positionOf(CurrentUser user, int year) {
        String emitter = user.uscc().value();
        Account account = registry.accountOf(user.uscc()).orElse(null);
        Optional<Obligation> o = store.obligation(emitter, year);
        RegionCode region = o.map(x -> RegionCode.of(x.regionCode())).orElse(account == null ? user.region() : account.region());
        return position(user, emitter, year, region, account, o.orElse(null));
    }

    private SurrenderPosition position(CurrentUser user, String emitter, int year, RegionCode region, Account account, Obligation o) {
        List<Vintage> allowed = o == null ? List.of()
                : policy.current(PolicyParameter.SURRENDER_VINTAGES, year, region).vintages().stream().map(Vintage::parse).toList();
        BigDecimal cap = o == null ? BigDecimal.ZERO : policy.current(PolicyParameter.CCER_OFFSET_CAP, year, region).decimal();
        boolean firstPeriod = policy.valueOn(PolicyParameter.FIRST_PERIOD_CCER_USABLE, "", year, region, clock.today())
                .map(v -> v.decimal().signum() > 0).orElse(false);
        Map<Vintage, Long> available = new TreeMap<>();
        Map<Vintage, Long> borrowed = new TreeMap<>();
        Map<Vintage, Long> trading = new TreeMap<>();
        if (account != null) {
            for (Holding h : registry.holdings(user, account.number())) {
                if (h.unitType() != UnitType.CEA) {
                    continue;
                }
                Map<Vintage, Long> into = h.state() == HoldingState.AVAILABLE ? available
                        : h.state() == HoldingState.SURRENDER_ONLY ? borrowed : h.state() == HoldingState.TRADING ? trading : null;
                if (into != null && h.balance() > 0) {
                    into.merge(h.vintage(), h.balance(), Long::sum);
                }
            }
        }
        long surrenderedAllowances = 0;
        long surrenderedCcer = 0;
        for (var s : registry.surrendered(Uscc.of(emitter), year)) {
            surrenderedAllowances += s.allowances();
            surrenderedCcer += s.ccer();
        }
        List<PendingOffset> pending = offsets.ofEmitter(Uscc.of(emitter)).stream().filter(PendingOffset::pending).toList();
        return new SurrenderPosition(year, o == null ? null : o.tonnes(), surrenderedAllowances, surrenderedCcer, allowed, cap, firstPeriod, available,
                borrowed, trading, pending);
    }

    Optional<LocalDate> deadline(int year, RegionCode region) {
        return deadlines.find(DeadlineKind.SURRENDER_FINAL, year, region).map(Deadline::due);
    }

    private boolean late(int year, RegionCode region) {
        return deadline(year, region).map(d -> clock.today().isAfter(d)).orElse(false);
    }
}
