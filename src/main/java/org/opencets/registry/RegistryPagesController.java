package org.opencets.registry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Regions;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.FormErrors;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.Vintage;
import org.opencets.shared.WorkClock;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's pages: the accounts a user sees (with the operator's invariant checks and refused instructions), one
 * account's holdings, operations and statement lines with the forms its viewer may use, the maker-checker queue, one
 * operation, and the weekly net purchases. Every form that moves allowances carries an id made when the page was
 * drawn, so a double click or a resubmission is the same request and shows the first outcome.
 */
@Controller
@RequestMapping("/registry")
class RegistryPagesController {

    /** Rows shown at most in one table; the statement downloads carry everything. */
    static final int MAX_ROWS = 500;
    static final int MAX_OPERATIONS = 100;

    private final Registry registry;
    private final Trades trades;
    private final Issuance issuance;
    private final InvariantChecker checker;
    private final LedgerStore store;
    private final Regions regions;
    private final MessageSource messages;
    private final WorkClock clock;

    RegistryPagesController(Registry registry, Trades trades, Issuance issuance, InvariantChecker checker, LedgerStore store, Regions regions,
            MessageSource messages, WorkClock clock) {
        this.registry = registry;
        this.trades = trades;
        this.issuance = issuance;
        this.checker = checker;
        this.store = store;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- the accounts a user sees

    @GetMapping
    String index(CurrentUser user, @RequestParam(defaultValue = "") String q, Model model) {
        List<Account> accounts = registry.accounts(user);
        if (user.kind() == OrganisationKind.KEY_EMITTER && accounts.size() == 1) {
            return "redirect:/registry/accounts/" + accounts.getFirst().number();
        }
        String query = q.strip().toLowerCase(Locale.ROOT);
        // the national and provincial accounts first, then the emitters by number
        List<Account> shown = accounts.stream().filter(a -> query.isEmpty() || matches(a, query))
                .sorted(java.util.Comparator.comparingInt((Account a) -> a.kind().national() ? 0 : a.kind() == AccountKind.PROVINCIAL ? 1 : 2)
                        .thenComparing(Account::number))
                .toList();
        model.addAttribute("q", q.strip());
        model.addAttribute("accounts", shown.size() > MAX_ROWS ? shown.subList(0, MAX_ROWS) : shown);
        model.addAttribute("accountsTotal", shown.size());
        model.addAttribute("regionNames", regionNames());
        boolean operator = RegistryAccess.isOperator(user);
        boolean seesChecks = operator || user.kind() == OrganisationKind.MINISTRY;
        model.addAttribute("isOperator", operator);
        model.addAttribute("seesChecks", seesChecks);
        model.addAttribute("checks", seesChecks ? checker.recent(user, 5) : List.of());
        model.addAttribute("refused", operator ? issuance.refused(user) : List.of());
        model.addAttribute("awaiting", registry.awaitingDecision(user).size());
        model.addAttribute("pending", registry.pending(user).size());
        model.addAttribute("seesNetPurchases", seesNetPurchases(user));
        model.addAttribute("zone", WorkClock.CHINA);
        return "registry/index";
    }

    private static boolean matches(Account a, String query) {
        return a.number().toLowerCase(Locale.ROOT).contains(query) || a.holderName().toLowerCase(Locale.ROOT).contains(query)
                || (a.holder() != null && a.holder().value().toLowerCase(Locale.ROOT).contains(query));
    }

    @PostMapping("/checks")
    String runChecks(CurrentUser user, Locale locale, RedirectAttributes flash) {
        InvariantCheck check = checker.runNow(user);
        flash.addFlashAttribute("done", messages.getMessage(check.passed() ? "registry.pages.checks.done.passed" : "registry.pages.checks.done.failed",
                new Object[] {check.violations().size()}, locale));
        return "redirect:/registry";
    }

    @PostMapping("/reconcile")
    String reconcile(CurrentUser user, Locale locale, RedirectAttributes flash) {
        int executed = issuance.reconcile(user);
        flash.addFlashAttribute("done", messages.getMessage("registry.pages.reconcile.done", new Object[] {executed}, locale));
        return "redirect:/registry";
    }

    // ---- one account

    @GetMapping("/accounts/{number}")
    String account(CurrentUser user, @PathVariable String number, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(required = false) UUID done,
            @RequestParam(defaultValue = "false") boolean replayed, Model model, Locale locale) {
        if (done != null) {
            outcome(user, done, replayed, number, model, locale);
        }
        return render(user, number, from, to, model, locale);
    }

    /**
     * The outcome of a request, told from the operation it made: the form redirects here with the operation's id, so a
     * double click or a resubmission (the same request id, the same operation) shows the same result.
     */
    private void outcome(CurrentUser user, UUID id, boolean replayed, String account, Model model, Locale locale) {
        Operation op;
        try {
            op = registry.operation(user, id);
        } catch (RecordNotFound e) {
            return;
        }
        if (account != null && !account.equals(op.account())) {
            return;
        }
        String kind = messages.getMessage("registry.kind." + op.kind(), null, op.kind().name(), locale);
        String key = switch (op.status()) {
            case POSTED -> "registry.pages.done.posted";
            case PENDING_APPROVAL -> "registry.pages.done.pending";
            case APPROVED -> "registry.pages.approved";
            case REJECTED -> "registry.pages.rejected";
        };
        model.addAttribute("done", messages.getMessage(key, new Object[] {kind}, locale));
        model.addAttribute("doneOperation", op.id());
        model.addAttribute("replayed", replayed);
    }

    private String render(CurrentUser user, String number, LocalDate from, LocalDate to, Model model, Locale locale) {
        Account account = registry.account(user, number);
        List<Holding> holdings = registry.holdings(user, number);
        LocalDate today = clock.today();
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today;
        model.addAttribute("account", account);
        model.addAttribute("regionName", account.region() == null ? null : regions.nameOf(account.region()));
        List<HoldingRow> rows = HoldingRow.of(holdings);
        model.addAttribute("holdings", rows);
        model.addAttribute("holdingTotal", HoldingRow.total(rows));
        model.addAttribute("vintages", rows.stream().filter(r -> r.unit() == UnitType.CEA).map(r -> r.vintage().toString()).distinct().toList());

        List<Operation> operations = registry.operations(user, number);
        model.addAttribute("operations", operations.size() > MAX_OPERATIONS ? operations.subList(0, MAX_OPERATIONS) : operations);
        model.addAttribute("operationsTotal", operations.size());

        model.addAttribute("from", start);
        model.addAttribute("to", end);
        if (start.isAfter(end)) {
            model.addAttribute("periodError", messages.getMessage("registry.pages.period.order", null, locale));
            model.addAttribute("entries", List.of());
            model.addAttribute("entriesTotal", 0);
        } else {
            boolean seesAll = RegistryAccess.isOperator(user) || user.kind() == OrganisationKind.MINISTRY;
            Set<UUID> own = operations.stream().map(Operation::id).collect(Collectors.toSet());
            List<LedgerEntry> entries = registry.entries(user, number, start, end);
            List<EntryRow> lines = entries.stream().limit(MAX_ROWS).map(e -> EntryRow.of(e, account, seesAll || own.contains(e.operationId()), seesAll))
                    .toList();
            model.addAttribute("entries", lines);
            model.addAttribute("entriesTotal", entries.size());
            model.addAttribute("accountNames", accountNames(lines));
        }

        boolean holder = RegistryAccess.isHolder(user, account);
        boolean operator = RegistryAccess.isOperator(user);
        model.addAttribute("isHolder", holder);
        model.addAttribute("mayHold", operator && account.kind() == AccountKind.EMITTER);
        model.addAttribute("mayChangeStatus", operator && !account.kind().national());
        model.addAttribute("mayTransfer", holder || (account.kind() == AccountKind.PROVINCIAL && RegistryAccess.isProvince(user, account)));
        model.addAttribute("statuses", java.util.Arrays.stream(AccountStatus.values()).filter(s -> s != account.status()).toList());
        Map<String, String> ids = new HashMap<>();
        for (String form : List.of("move", "cancel", "transfer", "freeze", "releaseFreeze", "pledge", "releasePledge", "status")) {
            ids.put(form, UUID.randomUUID().toString());
        }
        model.addAttribute("ids", ids);
        model.addAttribute("zone", WorkClock.CHINA);
        return "registry/account";
    }

    /** One line of the holdings table: a unit type and vintage, its quantity in each state. */
    record HoldingRow(UnitType unit, Vintage vintage, long available, long surrenderOnly, long reserved, long frozen, long pledged, long trading) {

        /** 登记持仓: everything but the trading holding. */
        public long registry() {
            return available + surrenderOnly + reserved + frozen + pledged;
        }

        public long total() {
            return registry() + trading;
        }

        static List<HoldingRow> of(List<Holding> holdings) {
            Map<String, EnumMap<HoldingState, Long>> by = new TreeMap<>();
            Map<String, Holding> first = new HashMap<>();
            for (Holding h : holdings) {
                String key = h.unitType().ordinal() + " " + h.vintage().firstYear() + " " + h.vintage().lastYear();
                by.computeIfAbsent(key, k -> new EnumMap<>(HoldingState.class)).merge(h.state(), h.balance(), Long::sum);
                first.putIfAbsent(key, h);
            }
            List<HoldingRow> rows = new ArrayList<>();
            by.forEach((key, states) -> {
                Holding h = first.get(key);
                HoldingRow row = new HoldingRow(h.unitType(), h.vintage(), get(states, HoldingState.AVAILABLE), get(states, HoldingState.SURRENDER_ONLY),
                        get(states, HoldingState.RESERVED), get(states, HoldingState.FROZEN), get(states, HoldingState.PLEDGED),
                        get(states, HoldingState.TRADING));
                if (row.total() != 0) {
                    rows.add(row);
                }
            });
            return rows;
        }

        static HoldingRow total(List<HoldingRow> rows) {
            return new HoldingRow(null, null, rows.stream().mapToLong(HoldingRow::available).sum(), rows.stream().mapToLong(HoldingRow::surrenderOnly).sum(),
                    rows.stream().mapToLong(HoldingRow::reserved).sum(), rows.stream().mapToLong(HoldingRow::frozen).sum(),
                    rows.stream().mapToLong(HoldingRow::pledged).sum(), rows.stream().mapToLong(HoldingRow::trading).sum());
        }

        private static long get(Map<HoldingState, Long> states, HoldingState state) {
            return states.getOrDefault(state, 0L);
        }
    }

    /**
     * One statement line as this account sees it: the other account ({@code null} when the move stays inside this one),
     * the signed change (+ in, − out; for a move inside the account the quantity, from one state to the other).
     */
    record EntryRow(LedgerEntry entry, String counterparty, boolean anonymous, long signed, boolean internal, boolean linked) {

        static EntryRow of(LedgerEntry e, Account account, boolean linked, boolean seesAll) {
            boolean out = e.debitAccount().equals(account.number());
            boolean in = e.creditAccount().equals(account.number());
            boolean internal = out && in;
            String other = internal ? null : out ? e.creditAccount() : e.debitAccount();
            // the exchange matches trades anonymously: a holder sees that it traded, not with whom
            boolean anonymous = e.kind() == OperationKind.TRADE_SETTLEMENT && !seesAll && !internal;
            long signed = internal ? e.quantity() : in ? e.quantity() : -e.quantity();
            return new EntryRow(e, anonymous ? null : other, anonymous, signed, internal, linked);
        }
    }

    private Map<String, String> accountNames(List<EntryRow> lines) {
        Map<String, String> names = new HashMap<>();
        for (EntryRow line : lines) {
            if (line.counterparty() != null && !names.containsKey(line.counterparty())) {
                names.put(line.counterparty(), store.account(line.counterparty()).map(Account::holderName).orElse(""));
            }
        }
        return names;
    }

    // ---- the holder's forms

    @PostMapping("/accounts/{number}/move")
    String move(CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String vintage,
            @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String to, Model model, Locale locale) {
        return act(user, number, "move", typed("vintage", vintage, "quantity", quantity, "to", to), model, locale, () -> {
            boolean toTrading = "TRADING".equals(to);
            List<FieldViolation> problems = new ArrayList<>();
            if (!toTrading && !"REGISTRY".equals(to)) {
                problems.add(FieldViolation.of("to", "registry.holding.move.to", "Say TRADING or REGISTRY"));
            }
            Parsed p = parse(vintage, quantity, problems);
            return registry.moveHolding(user, id, number, p.vintage(), p.quantity(), toTrading);
        });
    }

    @PostMapping("/accounts/{number}/cancel")
    String cancel(CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String vintage,
            @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String confirm,
            Model model, Locale locale) {
        return act(user, number, "cancel", typed("vintage", vintage, "quantity", quantity, "reason", reason), model, locale, () -> {
            List<FieldViolation> problems = new ArrayList<>();
            if (!"yes".equals(confirm)) {
                problems.add(FieldViolation.of("confirm", "registry.pages.cancel.confirm.required",
                        "Confirm that the cancelled allowances are gone for good"));
            }
            Parsed p = parse(vintage, quantity, problems);
            return registry.cancel(user, id, number, p.vintage(), p.quantity(), reason);
        });
    }

    @PostMapping("/accounts/{number}/transfer")
    String transfer(CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String vintage, @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String reason,
            Model model, Locale locale) {
        return act(user, number, "transfer", typed("to", to, "vintage", vintage, "quantity", quantity, "reason", reason), model, locale, () -> {
            List<FieldViolation> problems = new ArrayList<>();
            if (to.isBlank()) {
                problems.add(FieldViolation.of("to", "registry.pages.to.required", "Give the number of the account receiving the allowances"));
            }
            Parsed p = parse(vintage, quantity, problems);
            return registry.transfer(user, id, number, to.strip().toUpperCase(Locale.ROOT), p.vintage(), p.quantity(), reason);
        });
    }

    // ---- the operator's forms (each waits for a second operator)

    @PostMapping("/accounts/{number}/freeze")
    String freeze(CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String vintage,
            @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String courtOrder, Model model, Locale locale) {
        return act(user, number, "freeze", typed("vintage", vintage, "quantity", quantity, "courtOrder", courtOrder), model, locale, () -> {
            Parsed p = parse(vintage, quantity, new ArrayList<>());
            return registry.freeze(user, id, number, p.vintage(), p.quantity(), courtOrder);
        });
    }

    @PostMapping("/accounts/{number}/release-freeze")
    String releaseFreeze(CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String vintage, @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String courtOrder,
            Model model, Locale locale) {
        return act(user, number, "releaseFreeze", typed("vintage", vintage, "quantity", quantity, "courtOrder", courtOrder), model, locale, () -> {
            Parsed p = parse(vintage, quantity, new ArrayList<>());
            return registry.releaseFreeze(user, id, number, p.vintage(), p.quantity(), courtOrder);
        });
    }

    @PostMapping("/accounts/{number}/pledge")
    String pledge(CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String vintage,
            @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String pledgee, @RequestParam(defaultValue = "") String contract,
            Model model, Locale locale) {
        return act(user, number, "pledge", typed("vintage", vintage, "quantity", quantity, "pledgee", pledgee, "contract", contract), model, locale,
                () -> {
                    Parsed p = parse(vintage, quantity, new ArrayList<>());
                    return registry.pledge(user, id, number, p.vintage(), p.quantity(), pledgee, contract);
                });
    }

    @PostMapping("/accounts/{number}/release-pledge")
    String releasePledge(CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String vintage, @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String pledgee,
            @RequestParam(defaultValue = "") String contract, Model model, Locale locale) {
        return act(user, number, "releasePledge", typed("vintage", vintage, "quantity", quantity, "pledgee", pledgee, "contract", contract), model, locale,
                () -> {
                    Parsed p = parse(vintage, quantity, new ArrayList<>());
                    return registry.releasePledge(user, id, number, p.vintage(), p.quantity(), pledgee, contract);
                });
    }

    @PostMapping("/accounts/{number}/status")
    String changeStatus(CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String reason, Model model, Locale locale) {
        return act(user, number, "status", typed("status", status, "reason", reason), model, locale, () -> {
            AccountStatus to;
            try {
                to = AccountStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Registry.invalid("status", "registry.status.required", "Say which status: OPEN, RESTRICTED, FROZEN or CLOSED");
            }
            return registry.changeStatus(user, id, number, to, reason);
        });
    }

    private record Parsed(Vintage vintage, long quantity) {
    }

    /** The vintage and quantity as typed, with every problem (the form's own ones first) told at once. */
    private static Parsed parse(String vintage, String quantity, List<FieldViolation> problems) {
        Vintage v = null;
        long q = 0;
        try {
            v = RegistryInput.vintage(vintage);
        } catch (ValidationFailed e) {
            problems.addAll(e.violations());
        }
        try {
            q = RegistryInput.quantity(quantity);
        } catch (ValidationFailed e) {
            problems.addAll(e.violations());
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return new Parsed(v, q);
    }

    private String act(CurrentUser user, String number, String form, Map<String, String> typed, Model model, Locale locale, Supplier<Submitted> action) {
        try {
            Submitted s = action.get();
            return "redirect:/registry/accounts/" + number + "?done=" + s.operation().id() + (s.replayed() ? "&replayed=true" : "");
        } catch (ValidationFailed e) {
            model.addAttribute("errors", FormErrors.of(labelled(e.violations(), locale), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        model.addAttribute("errorForm", form);
        model.addAttribute("typed", typed);
        return render(user, number, null, null, model, locale);
    }

    private static Map<String, String> typed(String... pairs) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            typed.put(pairs[i], pairs[i + 1]);
        }
        return typed;
    }

    /**
     * The registry's refusals name holding states and account statuses by their codes (the API's words); a page says
     * them in the reader's language.
     */
    private List<FieldViolation> labelled(List<FieldViolation> violations, Locale locale) {
        return violations.stream().map(v -> switch (v.messageKey()) {
            case "registry.insufficient" -> relabel(v, 3, "registry.state.", locale);
            case "registry.account.status.send" -> relabel(v, 1, "registry.accountStatus.", locale);
            case "registry.status.same" -> relabel(v, 0, "registry.accountStatus.", locale);
            default -> v;
        }).toList();
    }

    private FieldViolation relabel(FieldViolation v, int index, String prefix, Locale locale) {
        if (v.arguments().size() <= index || v.arguments().get(index) == null) {
            return v;
        }
        List<Object> args = new ArrayList<>(v.arguments());
        String code = String.valueOf(args.get(index));
        args.set(index, messages.getMessage(prefix + code, null, code, locale));
        return new FieldViolation(v.field(), v.messageKey(), v.defaultMessage(), args);
    }

    // ---- maker-checker

    @GetMapping("/operations")
    String operations(CurrentUser user, @RequestParam(required = false) UUID done, @RequestParam(defaultValue = "false") boolean replayed, Model model,
            Locale locale) {
        if (done != null) {
            outcome(user, done, replayed, null, model, locale);
        }
        return queue(user, model);
    }

    private String queue(CurrentUser user, Model model) {
        List<Operation> awaiting = registry.awaitingDecision(user);
        Set<UUID> decides = awaiting.stream().map(Operation::id).collect(Collectors.toSet());
        Map<UUID, Operation> all = new LinkedHashMap<>();
        awaiting.forEach(op -> all.put(op.id(), op));
        registry.pending(user).forEach(op -> all.putIfAbsent(op.id(), op));
        List<Operation> listed = new ArrayList<>(all.values());
        listed.sort(java.util.Comparator.comparing(Operation::createdAt));
        model.addAttribute("operations", listed);
        model.addAttribute("decides", decides);
        model.addAttribute("userId", user.userId());
        model.addAttribute("zone", WorkClock.CHINA);
        return "registry/operations";
    }

    @GetMapping("/operations/{id}")
    String operation(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) UUID done,
            @RequestParam(defaultValue = "false") boolean replayed, Model model, Locale locale) {
        if (id.equals(done)) {
            outcome(user, done, replayed, null, model, locale);
        }
        return detail(user, id, model);
    }

    private String detail(CurrentUser user, UUID id, Model model) {
        Operation op = registry.operation(user, id);
        model.addAttribute("op", op);
        model.addAttribute("entries", registry.entriesOf(user, id));
        model.addAttribute("mayDecide", registry.mayDecide(user, op));
        model.addAttribute("own", user.userId().equals(op.initiatorId()));
        model.addAttribute("accountLinked", op.account() != null);
        model.addAttribute("zone", WorkClock.CHINA);
        return "registry/operation";
    }

    @PostMapping("/operations/{id}/approve")
    String approve(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "queue") String back, Model model, Locale locale) {
        return decide(user, id, true, null, back, model, locale);
    }

    @PostMapping("/operations/{id}/reject")
    String reject(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "queue") String back,
            Model model, Locale locale) {
        return decide(user, id, false, reason, back, model, locale);
    }

    private String decide(CurrentUser user, UUID id, boolean approve, String reason, String back, Model model, Locale locale) {
        boolean detail = "detail".equals(back);
        String done = (detail ? "redirect:/registry/operations/" + id : "redirect:/registry/operations") + "?done=" + id;
        try {
            if (approve) {
                registry.approve(user, id);
            } else {
                registry.reject(user, id, reason);
            }
            return done;
        } catch (ValidationFailed e) {
            // a second click on the same button: the decision this person already took is the outcome
            Operation op = registry.operation(user, id);
            if (e.violations().stream().anyMatch(v -> "registry.operation.decided".equals(v.messageKey())) && op.decision() != null
                    && op.decision().approved() == approve && Ledger.Initiator.of(user).name().equals(op.decision().decider())) {
                return done + "&replayed=true";
            }
            model.addAttribute("errors", FormErrors.of(labelled(e.violations(), locale), messages, locale));
        } catch (ConcurrentModification e) {
            model.addAttribute("conflict", true);
        }
        model.addAttribute("errorForm", id);
        model.addAttribute("typedReason", reason == null ? "" : reason);
        return detail ? detail(user, id, model) : queue(user, model);
    }

    // ---- net purchases

    @GetMapping("/net-purchases")
    String netPurchases(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model, Locale locale) {
        LocalDate today = clock.today();
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(3);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        List<NetPurchase> rows = List.of();
        if (start.isAfter(end)) {
            model.addAttribute("periodError", messages.getMessage("registry.pages.period.order", null, locale));
            // still refuse those who may not see the report at all
            trades.netPurchases(user, end, end);
        } else {
            rows = trades.netPurchases(user, start, end);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("bought", rows.stream().mapToLong(NetPurchase::bought).sum());
        model.addAttribute("sold", rows.stream().mapToLong(NetPurchase::sold).sum());
        model.addAttribute("regionNames", regionNames());
        return "registry/net-purchases";
    }

    // ---- helpers

    static boolean seesNetPurchases(CurrentUser user) {
        OrganisationKind kind = user.kind();
        return kind.isBureau() || kind == OrganisationKind.MINISTRY || kind == OrganisationKind.REGISTRY_OPERATOR || kind == OrganisationKind.EXCHANGE;
    }

    private Map<RegionCode, String> regionNames() {
        return regions.all().stream().collect(Collectors.toMap(org.opencets.identity.Region::code, org.opencets.identity.Region::name, (a, b) -> a));
    }
}
