package org.opencets.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.calendar.PolicyParameter;
import org.opencets.calendar.PolicyYearData;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.shared.WorkClock;
import org.springframework.stereotype.Service;

/**
 * The registry's application service: what each user may see of accounts, holdings and the ledger, and the
 * operations they may request. Each operation becomes one {@link Ledger} request; the rules of each kind (which
 * holdings, who approves) live here, the rules of every kind in {@link LedgerRules}.
 */
@Service
public class Registry {

    private final LedgerStore store;
    private final Ledger ledger;
    private final PolicyYearData policy;
    private final org.opencets.identity.Regions regions;
    private final WorkClock clock;
    private final OffsetStore offsets;
    private final org.springframework.context.ApplicationEventPublisher events;

    Registry(LedgerStore store, Ledger ledger, PolicyYearData policy, org.opencets.identity.Regions regions, WorkClock clock, OffsetStore offsets,
            org.springframework.context.ApplicationEventPublisher events) {
        this.store = store;
        this.ledger = ledger;
        this.policy = policy;
        this.regions = regions;
        this.clock = clock;
        this.offsets = offsets;
        this.events = events;
    }

    // ---- reading

    public List<Account> accounts(CurrentUser user) {
        String prefix = user.kind().isBureau() ? user.region().prefix() : "";
        return store.accounts(prefix).stream().filter(a -> RegistryAccess.sees(user, a)).toList();
    }

    public Account account(CurrentUser user, String number) {
        Account account = store.account(number).orElseThrow(() -> new RecordNotFound("Registry account", number));
        RegistryAccess.requireSees(user, account);
        return account;
    }

    /** The emitter's account, for other modules (compliance); empty until one is opened. */
    public Optional<Account> accountOf(Uscc emitter) {
        return store.emitterAccount(emitter);
    }

    public List<Holding> holdings(CurrentUser user, String number) {
        return store.holdings(account(user, number));
    }

    /** The account's ledger entries from {@code from} to {@code to} inclusive (China time). */
    public List<LedgerEntry> entries(CurrentUser user, String number, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw invalid("from", "registry.period.order", "The period starts after it ends");
        }
        return store.entriesOf(account(user, number), start(from), start(to.plusDays(1)));
    }

    public List<Holding> balancesAt(CurrentUser user, String number, LocalDate day) {
        return store.balancesBefore(account(user, number), start(day));
    }

    public List<Operation> operations(CurrentUser user, String number) {
        Account account = account(user, number);
        return store.operations("o.account_id = ?", account.id());
    }

    public Operation operation(CurrentUser user, UUID id) {
        Operation op = store.operation(id).orElseThrow(() -> new RecordNotFound("Registry operation", id));
        if (op.account() != null) {
            account(user, op.account());
        } else if (!RegistryAccess.isOperator(user) && user.kind() != OrganisationKind.MINISTRY) {
            throw new RecordNotFound("Registry operation", id);
        }
        return op;
    }

    public List<LedgerEntry> entriesOf(CurrentUser user, UUID operationId) {
        operation(user, operationId);
        return store.entriesOf(operationId);
    }

    /** Operations waiting for a decision this user may take. */
    public List<Operation> awaitingDecision(CurrentUser user) {
        return store.operations("o.needs_approval and d.operation_id is null").stream().filter(op -> mayDecide(user, op)).toList();
    }

    /** Operations waiting for a decision that this user's organisation initiated or that concern accounts it sees. */
    public List<Operation> pending(CurrentUser user) {
        return store.operations("o.needs_approval and d.operation_id is null").stream()
                .filter(op -> op.account() == null ? RegistryAccess.isOperator(user) : store.account(op.account()).map(a -> RegistryAccess.sees(user, a)).orElse(false))
                .toList();
    }

    /** Maker-checker: a second person decides. Operator and authority operations by the initiator's own organisation; an emitter's surrender by its province. */
    public boolean mayDecide(CurrentUser user, Operation op) {
        if (op.status() != Operation.Status.PENDING_APPROVAL || !RegistryAccess.actor(user) || user.userId() == null
                || user.userId().equals(op.initiatorId())) {
            return false;
        }
        if (op.kind() == OperationKind.SURRENDER && op.initiatorOrganisationId() != null
                && store.account(op.account()).map(a -> a.kind() == AccountKind.EMITTER && a.holder() != null).orElse(false)
                && !user.organisationId().equals(op.initiatorOrganisationId())) {
            return user.kind() == OrganisationKind.PROVINCE_BUREAU && user.region().contains(store.account(op.account()).orElseThrow().region());
        }
        return op.initiatorId() != null && user.organisationId().equals(op.initiatorOrganisationId())
                && (user.kind() == OrganisationKind.REGISTRY_OPERATOR || user.kind().isBureau());
    }

    // ---- accounts

    Account emitterAccount(Uscc emitter, String name, RegionCode region) {
        return store.emitterAccount(emitter).orElseGet(() -> store.openEmitter(emitter, name, region, clock.now()));
    }

    Account provincialAccount(RegionCode region) {
        RegionCode province = region.province();
        return store.provincialAccount(province).orElseGet(() -> store.openProvincial(province, regions.nameOf(province) + "（省级生态环境主管部门账户）", clock.now()));
    }

    Account national(AccountKind kind) {
        return store.national(kind);
    }

    // ---- operations

    /** Moves available allowances to another account: at once for the holder; for an operator or a province, after a second person approves. */
    public Submitted transfer(CurrentUser user, String id, String from, String to, Vintage vintage, long quantity, String reason) {
        Map<String, Account> both = store.accounts(from, to);
        Account source = both.get(from);
        if (source == null) {
            throw new RecordNotFound("Registry account", from);
        }
        RegistryAccess.requireSees(user, source);
        Account target = both.get(to);
        if (target == null) {
            throw invalid("to", "registry.account.unknown", "There is no account {0}", to);
        }
        boolean holder = RegistryAccess.isHolder(user, source);
        boolean authority = RegistryAccess.isOperator(user) || (source.kind() == AccountKind.PROVINCIAL && RegistryAccess.isProvince(user, source));
        if (!holder && !authority) {
            throw new AccessDenied("denied.registry.transfer", "Only the account's holder, its province or the registry operator may transfer from it");
        }
        if (target.kind().national()) {
            throw invalid("to", "registry.transfer.national", "Allowances reach national accounts only by take-back, cancellation or surrender");
        }
        return ledger.submit(new Ledger.Request(id, OperationKind.TRANSFER, source, null, reasonOf(reason),
                List.of(new Ledger.Move(source, HoldingState.AVAILABLE, target, HoldingState.AVAILABLE, UnitType.CEA, vintage, quantity)), !holder,
                Ledger.Initiator.of(user)));
    }

    /** Between the registry holding and the trading holding of the holder's own account (划转). */
    public Submitted moveHolding(CurrentUser user, String id, String number, Vintage vintage, long quantity, boolean toTrading) {
        Account account = account(user, number);
        if (!RegistryAccess.isHolder(user, account)) {
            throw new AccessDenied("denied.registry.holder", "Only the account's holder may do this");
        }
        HoldingState from = toTrading ? HoldingState.AVAILABLE : HoldingState.TRADING;
        HoldingState to = toTrading ? HoldingState.TRADING : HoldingState.AVAILABLE;
        return ledger.submit(new Ledger.Request(id, toTrading ? OperationKind.TO_TRADING : OperationKind.TO_REGISTRY, account, null, Map.of(),
                List.of(new Ledger.Move(account, from, account, to, UnitType.CEA, vintage, quantity)), false, Ledger.Initiator.of(user)));
    }

    /** Voluntary cancellation (自愿注销) by the holder: irreversible, into the national cancellation account. */
    public Submitted cancel(CurrentUser user, String id, String number, Vintage vintage, long quantity, String reason) {
        Account account = account(user, number);
        if (!RegistryAccess.isHolder(user, account)) {
            throw new AccessDenied("denied.registry.holder", "Only the account's holder may do this");
        }
        return ledger.submit(new Ledger.Request(id, OperationKind.CANCELLATION, account, null, reasonOf(reason),
                List.of(new Ledger.Move(account, HoldingState.AVAILABLE, national(AccountKind.NATIONAL_CANCELLATION), HoldingState.AVAILABLE, UnitType.CEA,
                        vintage, quantity)),
                false, Ledger.Initiator.of(user)));
    }

    /** One part of a surrender: a quantity of one vintage (borrowed allowances come from the surrender-only holding). */
    public record SurrenderPart(Vintage vintage, long quantity, boolean borrowed) {
    }

    /**
     * Surrender for a compliance year: every part, all or nothing, reserved now and moved into the national surrender
     * account when the province confirms it. Only vintages the year's data allows (e.g. 2019–2020, 2021 and 2022 for
     * 2021 and 2022, seed 003 §四).
     */
    public Submitted surrender(CurrentUser user, String id, String number, int year, List<SurrenderPart> parts) {
        return surrender(user, id, number, year, parts, List.of());
    }

    /** A quantity of one PENDING_OFFSET lot used in a surrender (the CCER registry cancels it once the province approves). */
    public record OffsetPart(UUID offsetId, long quantity) {
    }

    /**
     * As {@link #surrender(CurrentUser, String, String, int, List)}, also using pending CCER: each part is reserved from its
     * lot with the request, used on approval (and {@link CcerOffsetUsed} tells the CCER registry to cancel it), given back
     * on rejection. Which lots are eligible and how much may offset is compliance's rule; the registry keeps the quantities.
     */
    public Submitted surrender(CurrentUser user, String id, String number, int year, List<SurrenderPart> parts, List<OffsetPart> offsetParts) {
        Account account = account(user, number);
        if (!RegistryAccess.isHolder(user, account)) {
            throw new AccessDenied("denied.registry.holder", "Only the account's holder may do this");
        }
        if (year < 2019 || year > 2100) {
            throw invalid("year", "registry.surrender.year", "Say which compliance year (2019–2100) this surrender is for");
        }
        List<FieldViolation> problems = new ArrayList<>(vintagesAllowed(year, account.region(), parts));
        List<Ledger.Move> moves = new ArrayList<>();
        Account surrender = national(AccountKind.NATIONAL_SURRENDER);
        for (SurrenderPart p : parts) {
            moves.add(new Ledger.Move(account, p.borrowed() ? HoldingState.SURRENDER_ONLY : HoldingState.AVAILABLE, surrender, HoldingState.AVAILABLE,
                    UnitType.CEA, p.vintage(), p.quantity()));
        }
        Map<String, String> details = new java.util.TreeMap<>(Map.of("year", Integer.toString(year)));
        for (OffsetPart o : offsetParts) {
            problems.addAll(LedgerRules.quantity(o.quantity()));
            if (details.put("offset." + o.offsetId(), Long.toString(o.quantity())) != null) {
                problems.add(FieldViolation.of("offset", "registry.offset.twice", "The same pending CCER lot is listed twice"));
            }
        }
        if (parts.isEmpty() && offsetParts.isEmpty()) {
            problems.add(FieldViolation.of("quantity", "registry.quantity.none", "Nothing to move"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems.stream().distinct().toList());
        }
        return ledger.submit(new Ledger.Request(id, OperationKind.SURRENDER, account, Integer.toString(year), details, moves, true, Ledger.Initiator.of(user)),
                op -> reserveOffsets(op, account, offsetParts));
    }

    /** Only the vintages the year's data allows (seed 003 §四): for the holder's surrender and for a forced one alike. */
    private List<FieldViolation> vintagesAllowed(int year, RegionCode region, List<SurrenderPart> parts) {
        List<String> allowed = policy.current(PolicyParameter.SURRENDER_VINTAGES, year, region).vintages();
        return parts.stream().filter(p -> !allowed.contains(p.vintage().toString()))
                .map(p -> FieldViolation.of("vintage", "registry.surrender.vintage", "Vintage {0} allowances cannot be surrendered for {1,number,#} (allowed: {2})",
                        p.vintage().toString(), year, String.join(", ", allowed)))
                .toList();
    }

    private void reserveOffsets(Operation op, Account account, List<OffsetPart> parts) {
        for (OffsetPart o : parts) {
            if (!offsets.reserve(op.id(), account, o.offsetId(), o.quantity())) {
                long pending = offsets.lot(o.offsetId()).filter(l -> account.number().equals(l.account())).map(PendingOffset::remaining).orElse(0L);
                throw invalid("offset", "registry.offset.insufficient", "Pending CCER lot {0} has {1} t pending in this account; {2} t asked", o.offsetId(),
                        pending, o.quantity());
            }
        }
    }

    // ---- forced compliance (seed 003 §一) and what compliance reads

    /** What the provincial account holds for one entity allocated into it, by vintage: issued for it, less what was taken back, surrendered or released. */
    public Map<Vintage, Long> heldForEntity(Uscc entity) {
        return store.heldForEntity(entity);
    }

    /**
     * The registry operator surrenders, from the provincial account, for an entity whose allowances were allocated into
     * it — on the province's entrustment (委托), posted at once. Only what is held for the entity, only allowed vintages.
     */
    public Submitted forcedSurrender(CurrentUser user, String id, Uscc entity, RegionCode region, int year, List<SurrenderPart> parts) {
        RegistryAccess.requireOperator(user);
        RegistryAccess.requirePerson(user);
        Account provincial = provincialAccount(region);
        Account surrender = national(AccountKind.NATIONAL_SURRENDER);
        // a resend of a posted request is the ledger's to replay: the entity's holding has already moved
        boolean resend = store.operationByIdempotencyId(id).isPresent();
        List<FieldViolation> problems = new ArrayList<>(resend ? List.of() : coveredByEntity(entity, parts));
        problems.addAll(vintagesAllowed(year, region, parts));
        List<Ledger.Move> moves = new ArrayList<>();
        for (SurrenderPart p : parts) {
            moves.add(new Ledger.Move(provincial, HoldingState.AVAILABLE, surrender, HoldingState.AVAILABLE, UnitType.CEA, p.vintage(), p.quantity()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return ledger.submit(new Ledger.Request(id, OperationKind.FORCED_SURRENDER, provincial, entity.value(),
                Map.of("year", Integer.toString(year), "emitter", entity.value()), moves, false, Ledger.Initiator.of(user)));
    }

    /** After forced compliance, what is left for the entity in the provincial account goes to its own account (opened if need be). */
    public Submitted releaseToEntity(CurrentUser user, String id, Uscc entity, String entityName, RegionCode region, List<SurrenderPart> parts) {
        RegistryAccess.requireOperator(user);
        RegistryAccess.requirePerson(user);
        List<FieldViolation> problems = store.operationByIdempotencyId(id).isPresent() ? List.of() : coveredByEntity(entity, parts);
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        Account provincial = provincialAccount(region);
        Account own = emitterAccount(entity, entityName, region);
        List<Ledger.Move> moves = parts.stream()
                .map(p -> new Ledger.Move(provincial, HoldingState.AVAILABLE, own, HoldingState.AVAILABLE, UnitType.CEA, p.vintage(), p.quantity())).toList();
        return ledger.submit(new Ledger.Request(id, OperationKind.RELEASE, provincial, entity.value(), Map.of("emitter", entity.value()), moves, false,
                Ledger.Initiator.of(user)));
    }

    private List<FieldViolation> coveredByEntity(Uscc entity, List<SurrenderPart> parts) {
        Map<Vintage, Long> held = heldForEntity(entity);
        Map<Vintage, Long> asked = new java.util.TreeMap<>();
        parts.forEach(p -> asked.merge(p.vintage(), p.quantity(), Long::sum));
        List<FieldViolation> problems = new ArrayList<>();
        asked.forEach((v, q) -> {
            long has = held.getOrDefault(v, 0L);
            if (q > has) {
                problems.add(FieldViolation.of("quantity", "registry.forced.insufficient",
                        "The provincial account holds {0} t of vintage {1} for {2}; {3} t asked", has, v.toString(), entity.value(), q));
            }
        });
        return problems;
    }

    /** Every effective surrender for a year (approved, or forced), oldest first. */
    public List<Surrendered> surrendered(int year) {
        return store.surrendered(year, null);
    }

    public List<Surrendered> surrendered(Uscc emitter, int year) {
        return store.surrendered(year, emitter);
    }

    /** A judicial freeze (司法冻结) of a quantity, on a court's order: initiated by one operator, approved by another. */
    public Submitted freeze(CurrentUser user, String id, String number, Vintage vintage, long quantity, String courtOrder) {
        RegistryAccess.requireOperator(user);
        return hold(user, id, number, vintage, quantity, OperationKind.FREEZE, HoldingState.AVAILABLE, HoldingState.FROZEN, courtOrder,
                Map.of("courtOrder", required("courtOrder", courtOrder)));
    }

    public Submitted releaseFreeze(CurrentUser user, String id, String number, Vintage vintage, long quantity, String courtOrder) {
        RegistryAccess.requireOperator(user);
        return hold(user, id, number, vintage, quantity, OperationKind.RELEASE_FREEZE, HoldingState.FROZEN, HoldingState.AVAILABLE, courtOrder,
                Map.of("courtOrder", required("courtOrder", courtOrder)));
    }

    /** A pledge (质押) to a bank under a contract (seed 004 §三(四)8): registered by one operator, approved by another. */
    public Submitted pledge(CurrentUser user, String id, String number, Vintage vintage, long quantity, String pledgee, String contract) {
        RegistryAccess.requireOperator(user);
        return hold(user, id, number, vintage, quantity, OperationKind.PLEDGE, HoldingState.AVAILABLE, HoldingState.PLEDGED, contract,
                pledgeDetails(pledgee, contract));
    }

    public Submitted releasePledge(CurrentUser user, String id, String number, Vintage vintage, long quantity, String pledgee, String contract) {
        RegistryAccess.requireOperator(user);
        return hold(user, id, number, vintage, quantity, OperationKind.RELEASE_PLEDGE, HoldingState.PLEDGED, HoldingState.AVAILABLE, contract,
                pledgeDetails(pledgee, contract));
    }

    private Map<String, String> pledgeDetails(String pledgee, String contract) {
        String bank = pledgee == null ? "" : pledgee.strip();
        String number = contract == null ? "" : contract.strip();
        List<FieldViolation> problems = new ArrayList<>();
        if (bank.isEmpty()) {
            problems.add(FieldViolation.of("pledgee", "registry.pledgee.required", "Name the bank the allowances are pledged to"));
        }
        if (number.isEmpty()) {
            problems.add(FieldViolation.of("contract", "registry.contract.required", "Give the pledge contract's number"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return Map.of("pledgee", bank, "contract", number);
    }

    private Submitted hold(CurrentUser user, String id, String number, Vintage vintage, long quantity, OperationKind kind, HoldingState from,
            HoldingState to, String reference, Map<String, String> details) {
        RegistryAccess.requireOperator(user);
        Account account = account(user, number);
        if (account.kind() != AccountKind.EMITTER) {
            throw invalid("account", "registry.hold.emitter", "Only emitter accounts are frozen or pledged");
        }
        return ledger.submit(new Ledger.Request(id, kind, account, reference.strip(), details,
                List.of(new Ledger.Move(account, from, account, to, UnitType.CEA, vintage, quantity)), true, Ledger.Initiator.of(user)));
    }

    /** Corrects a mistaken operation by moving every one of its final transfers back; the original stays as it was. */
    public Submitted reverse(CurrentUser user, String id, UUID operationId, String reason) {
        RegistryAccess.requireOperator(user);
        Operation original = store.operation(operationId).orElseThrow(() -> invalid("operation", "registry.operation.unknown", "There is no operation {0}",
                operationId));
        if (!original.effective() || original.kind() == OperationKind.REVERSAL || original.kind() == OperationKind.ACCOUNT_STATUS) {
            throw invalid("operation", "registry.reversal.not.effective", "Only a posted or approved movement can be reversed");
        }
        if (!offsets.uses(operationId).isEmpty()) {
            // the CCER registry has cancelled them: they cannot come back by reversing the surrender
            throw invalid("operation", "registry.reversal.offsets", "This surrender used CCER, which the CCER registry has cancelled: it cannot be reversed");
        }
        // a retry of a request already recorded is the ledger's to answer (its first outcome, or a refusal if the content differs)
        boolean retry = store.operationByIdempotencyId(id).isPresent();
        if (!retry && !store.operations("o.kind = 'REVERSAL' and o.reference = ? and (d.outcome is null or d.outcome = 'APPROVED')", operationId.toString())
                .isEmpty()) {
            throw invalid("operation", "registry.reversal.twice", "This operation has already been reversed");
        }
        List<Ledger.Move> moves = new ArrayList<>();
        Map<String, String> details = new java.util.HashMap<>(reasonOf(required("reason", reason)));
        List<LedgerEntry> entries = store.entriesOf(operationId);
        for (LedgerEntry e : entries) {
            if (e.phase() == LedgerEntry.Phase.POSTED || e.phase() == LedgerEntry.Phase.POST_PENDING) {
                Account credited = store.account(e.creditAccount()).orElseThrow();
                Account debited = store.account(e.debitAccount()).orElseThrow();
                // a posted reservation came from RESERVED; it goes back to where it was reserved from
                HoldingState before = e.phase() == LedgerEntry.Phase.POSTED ? e.debitState()
                        : entries.stream().filter(p -> p.id() == e.pendingId()).findFirst().orElseThrow().debitState();
                moves.add(new Ledger.Move(credited, e.creditState(), debited, before, e.unitType(), e.vintage(), e.quantity(), e.id()));
                details.put("reverses." + moves.size(), Long.toString(e.id()));
            }
        }
        Account account = original.account() == null ? null : store.account(original.account()).orElse(null);
        return ledger.submit(new Ledger.Request(id, OperationKind.REVERSAL, account, operationId.toString(), details, moves, true, Ledger.Initiator.of(user)));
    }

    /** Restricts, freezes, reopens or closes an account; a second operator approves. A closed account must be empty. */
    public Submitted changeStatus(CurrentUser user, String id, String number, AccountStatus status, String reason) {
        RegistryAccess.requireOperator(user);
        Account account = account(user, number);
        if (account.kind().national()) {
            throw invalid("status", "registry.status.national", "National accounts are always open");
        }
        if (account.status() == status) {
            throw invalid("status", "registry.status.same", "The account is already {0}", status.name());
        }
        if (status == AccountStatus.CLOSED) {
            requireEmpty(account);
        }
        return ledger.submit(new Ledger.Request(id, OperationKind.ACCOUNT_STATUS, account, status.name(),
                Map.of("status", status.name(), "reason", required("reason", reason)), List.of(), true, Ledger.Initiator.of(user)));
    }

    private void requireEmpty(Account account) {
        if (store.holdings(account).stream().anyMatch(h -> h.balance() != 0)) {
            throw invalid("status", "registry.close.not.empty", "Account {0} still holds allowances: it cannot be closed", account.number());
        }
    }

    public Operation approve(CurrentUser user, UUID operationId) {
        Operation op = requireDecider(user, operationId);
        return ledger.decide(op.id(), true, Ledger.Initiator.of(user), null, this::applyDecision);
    }

    public Operation reject(CurrentUser user, UUID operationId, String reason) {
        Operation op = requireDecider(user, operationId);
        return ledger.decide(op.id(), false, Ledger.Initiator.of(user), required("reason", reason), this::applyDecision);
    }

    private Operation requireDecider(CurrentUser user, UUID operationId) {
        Operation op = operation(user, operationId);
        if (op.status() != Operation.Status.PENDING_APPROVAL) {
            throw invalid("operation", "registry.operation.decided", "This operation has already been decided: nothing was done");
        }
        RegistryAccess.requirePerson(user);
        if (user.userId().equals(op.initiatorId())) {
            throw invalid("operation", "registry.maker.checker", "You initiated this operation: a second person must decide it");
        }
        if (!mayDecide(user, op)) {
            throw new AccessDenied("denied.registry.decide", "Only a second officer of the initiating organisation (a surrender: the province) may decide this");
        }
        return op;
    }

    /** In the decision's transaction: what else an approval or a rejection changes, and who must hear of it. */
    private void applyDecision(Operation op) {
        boolean approved = op.status() == Operation.Status.APPROVED;
        if (op.kind() == OperationKind.SURRENDER) {
            Instant at = op.decision().decidedAt();
            if (approved) {
                int year = Integer.parseInt(op.details().get("year"));
                for (OffsetStore.Use use : offsets.markUsed(op.id(), at)) {
                    events.publishEvent(new CcerOffsetUsed(use.offsetId(), use.id(), use.quantity(), op.id(), year, at));
                }
            } else {
                offsets.voidUses(op.id(), at);
            }
            events.publishEvent(new SurrenderDecided(op.id(), op.idempotencyId(), op.account(), Integer.parseInt(op.details().get("year")), approved,
                    op.decision().decider(), op.decision().reason(), at));
        }
        if (approved && op.kind() == OperationKind.ACCOUNT_STATUS) {
            Account account = store.account(op.account()).orElseThrow();
            AccountStatus to = AccountStatus.valueOf(op.details().get("status"));
            if (to == AccountStatus.CLOSED) {
                requireEmpty(account);
            }
            if (!store.setStatus(account, to, op.id(), op.details().get("reason"), clock.now())) {
                throw new org.opencets.shared.ConcurrentModification("Registry account", account.number());
            }
        }
    }

    // ---- helpers

    static Map<String, String> reasonOf(String reason) {
        return reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason.strip());
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "registry." + field + ".required", "This is required");
        }
        return value.strip();
    }

    static ValidationFailed invalid(String field, String key, String message, Object... args) {
        return new ValidationFailed(FieldViolation.of(field, key, message, args));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(WorkClock.CHINA).toInstant();
    }
}
