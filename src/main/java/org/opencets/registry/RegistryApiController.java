package org.opencets.registry;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.identity.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry over the API. Every request that moves allowances carries the client's own id: resending it returns
 * the first outcome (200 instead of 201), the same id with other content is refused. Refusals are problem details and
 * move nothing.
 */
@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registry", description = "Accounts, holdings, the ledger, trade settlement, freezes, pledges, cancellation, surrender, maker-checker")
class RegistryApiController {

    private final Registry registry;
    private final Trades trades;
    private final InvariantChecker checker;

    private final PendingOffsets pendingOffsets;

    RegistryApiController(Registry registry, Trades trades, InvariantChecker checker, PendingOffsets pendingOffsets) {
        this.registry = registry;
        this.trades = trades;
        this.checker = checker;
        this.pendingOffsets = pendingOffsets;
    }

    /** The account's CCER lots pending offset (待抵销), with how much of each is pending, reserved, used and recalled. */
    @GetMapping("/accounts/{number}/pending-offsets")
    List<PendingOffset> pendingOffsets(CurrentUser user, @PathVariable String number) {
        return pendingOffsets.of(user, registry.account(user, number));
    }

    record RecallRequest(Integer year) {
    }

    /** The operator runs a compliance period's recall of unused pending CCER (once; only after it is due). */
    @PostMapping("/pending-offset-recalls")
    ResponseEntity<OffsetRecallRun> recall(CurrentUser user, @RequestBody RecallRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(pendingOffsets.recall(user, r.year() == null ? 0 : r.year()));
    }

    @GetMapping("/pending-offset-recalls")
    List<OffsetRecallRun> recalls(CurrentUser user) {
        RegistryAccess.requireOperator(user);
        return pendingOffsets.runs();
    }

    record AccountResource(String number, String kind, String holder, String holderName, String region, String status, List<HoldingResource> holdings) {
    }

    record HoldingResource(String unitType, String vintage, String state, long balance) {
        static HoldingResource of(Holding h) {
            return new HoldingResource(h.unitType().name(), h.vintage().toString(), h.state().name(), h.balance());
        }
    }

    record LegResource(String from, String fromState, String to, String toState, String unitType, String vintage, long quantity) {
    }

    record OperationResource(UUID id, String requestId, String kind, String status, String reference, String account, Map<String, String> details,
            List<LegResource> legs, String initiator, Instant createdAt, String decidedBy, String decisionReason, Instant decidedAt) {

        static OperationResource of(Operation o) {
            return new OperationResource(o.id(), o.idempotencyId(), o.kind().name(), o.status().name(), o.reference(), o.account(), o.details(),
                    o.legs().stream().map(l -> new LegResource(l.debitAccount(), l.debitState().name(), l.creditAccount(), l.creditState().name(),
                            l.unitType().name(), l.vintage().toString(), l.quantity())).toList(),
                    o.initiator(), o.createdAt(), o.decision() == null ? null : o.decision().decider(), o.decision() == null ? null : o.decision().reason(),
                    o.decision() == null ? null : o.decision().decidedAt());
        }
    }

    record EntryResource(long id, UUID operation, String kind, String reference, String from, String fromState, String to, String toState, String unitType,
            String vintage, long quantity, String phase, Long pendingId, Long reversesId, Instant at) {
        static EntryResource of(LedgerEntry e) {
            return new EntryResource(e.id(), e.operationId(), e.kind().name(), e.reference(), e.debitAccount(), e.debitState().name(), e.creditAccount(),
                    e.creditState().name(), e.unitType().name(), e.vintage().toString(), e.quantity(), e.phase().name(), e.pendingId(), e.reversesId(),
                    e.createdAt());
        }
    }

    private static ResponseEntity<OperationResource> outcome(Submitted s) {
        return ResponseEntity.status(s.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(OperationResource.of(s.operation()));
    }

    @GetMapping("/accounts")
    List<AccountResource> accounts(CurrentUser user) {
        return registry.accounts(user).stream().map(a -> resource(a, List.of())).toList();
    }

    @GetMapping("/accounts/{number}")
    AccountResource account(CurrentUser user, @PathVariable String number) {
        return resource(registry.account(user, number), registry.holdings(user, number));
    }

    private static AccountResource resource(Account a, List<Holding> holdings) {
        return new AccountResource(a.number(), a.kind().name(), a.holder() == null ? null : a.holder().value(), a.holderName(), a.region() == null ? null : a.region().value(),
                a.status().name(), holdings.stream().map(HoldingResource::of).toList());
    }

    @GetMapping("/accounts/{number}/entries")
    List<EntryResource> entries(CurrentUser user, @PathVariable String number,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return registry.entries(user, number, from, to).stream().map(EntryResource::of).toList();
    }

    @GetMapping("/accounts/{number}/operations")
    List<OperationResource> operations(CurrentUser user, @PathVariable String number) {
        return registry.operations(user, number).stream().map(OperationResource::of).toList();
    }

    record TransferRequest(String id, String from, String to, Object vintage, Object quantity, String reason) {
    }

    @PostMapping("/transfers")
    ResponseEntity<OperationResource> transfer(CurrentUser user, @RequestBody TransferRequest r) {
        return outcome(registry.transfer(user, r.id(), r.from(), r.to(), RegistryInput.vintage(r.vintage()), RegistryInput.quantity(r.quantity()), r.reason()));
    }

    record HoldingMoveRequest(String id, String account, Object vintage, Object quantity, String to) {
    }

    /** Between the registry holding and the trading holding: {@code to} is TRADING or REGISTRY. */
    @PostMapping("/holding-moves")
    ResponseEntity<OperationResource> moveHolding(CurrentUser user, @RequestBody HoldingMoveRequest r) {
        boolean toTrading = "TRADING".equalsIgnoreCase(r.to());
        if (!toTrading && !"REGISTRY".equalsIgnoreCase(r.to())) {
            throw Registry.invalid("to", "registry.holding.move.to", "Say TRADING or REGISTRY");
        }
        return outcome(registry.moveHolding(user, r.id(), r.account(), RegistryInput.vintage(r.vintage()), RegistryInput.quantity(r.quantity()), toTrading));
    }

    record TradeRequest(String tradeId, String seller, String buyer, Object vintage, Object quantity, Long priceFen, Instant tradedAt) {
    }

    /** The exchange settles a trade; its trade id is the idempotency id. */
    @PostMapping("/trades")
    ResponseEntity<OperationResource> settle(CurrentUser user, @RequestBody TradeRequest r) {
        return outcome(trades.settle(user, r.tradeId(), r.seller(), r.buyer(), RegistryInput.vintage(r.vintage()), RegistryInput.quantity(r.quantity()),
                r.priceFen(), r.tradedAt()));
    }

    record TradeResource(String tradeId, String seller, String buyer, String vintage, long quantity, Long priceFen, Instant tradedAt, UUID operation,
            Instant settledAt) {
    }

    @GetMapping("/trades/{tradeId}")
    TradeResource trade(CurrentUser user, @PathVariable String tradeId) {
        Trade t = trades.trade(user, tradeId);
        return new TradeResource(t.tradeId(), t.seller(), t.buyer(), t.vintage().toString(), t.quantity(), t.priceFen(), t.tradedAt(), t.operationId(),
                t.settledAt());
    }

    record NetPurchaseResource(String account, String emitter, String emitterName, String region, LocalDate weekStart, long bought, long sold, long net) {
    }

    /** Net purchases per emitter and week (Monday first) of trades made from {@code from} to {@code to} (seed 003 §五(二)). */
    @GetMapping("/net-purchases")
    List<NetPurchaseResource> netPurchases(CurrentUser user, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return trades.netPurchases(user, from, to).stream().map(n -> new NetPurchaseResource(n.account(), n.emitter().value(), n.emitterName(),
                n.region().value(), n.weekStart(), n.bought(), n.sold(), n.net())).toList();
    }

    record HoldRequest(String id, String account, Object vintage, Object quantity, String courtOrder, String pledgee, String contract) {
    }

    @PostMapping("/freezes")
    ResponseEntity<OperationResource> freeze(CurrentUser user, @RequestBody HoldRequest r) {
        return outcome(registry.freeze(user, r.id(), r.account(), RegistryInput.vintage(r.vintage()), RegistryInput.quantity(r.quantity()), r.courtOrder()));
    }

    @PostMapping("/freeze-releases")
    ResponseEntity<OperationResource> releaseFreeze(CurrentUser user, @RequestBody HoldRequest r) {
        return outcome(registry.releaseFreeze(user, r.id(), r.account(), RegistryInput.vintage(r.vintage()), RegistryInput.quantity(r.quantity()),
                r.courtOrder()));
    }

    @PostMapping("/pledges")
    ResponseEntity<OperationResource> pledge(CurrentUser user, @RequestBody HoldRequest r) {
        return outcome(registry.pledge(user, r.id(), r.account(), RegistryInput.vintage(r.vintage()), RegistryInput.quantity(r.quantity()), r.pledgee(),
                r.contract()));
    }

    @PostMapping("/pledge-releases")
    ResponseEntity<OperationResource> releasePledge(CurrentUser user, @RequestBody HoldRequest r) {
        return outcome(registry.releasePledge(user, r.id(), r.account(), RegistryInput.vintage(r.vintage()), RegistryInput.quantity(r.quantity()),
                r.pledgee(), r.contract()));
    }

    record CancellationRequest(String id, String account, Object vintage, Object quantity, String reason) {
    }

    @PostMapping("/cancellations")
    ResponseEntity<OperationResource> cancel(CurrentUser user, @RequestBody CancellationRequest r) {
        return outcome(registry.cancel(user, r.id(), r.account(), RegistryInput.vintage(r.vintage()), RegistryInput.quantity(r.quantity()), r.reason()));
    }

    /** {@code borrowed} and {@code year} are objects so that leaving them out gives a clear refusal (or false), not "Failed to read request". */
    record SurrenderPartRequest(Object vintage, Object quantity, Boolean borrowed) {
    }

    record SurrenderRequest(String id, String account, Integer year, List<SurrenderPartRequest> parts) {
    }

    @PostMapping("/surrenders")
    ResponseEntity<OperationResource> surrender(CurrentUser user, @RequestBody SurrenderRequest r) {
        List<Registry.SurrenderPart> parts = r.parts() == null ? List.of()
                : r.parts().stream().map(p -> new Registry.SurrenderPart(RegistryInput.vintage(p.vintage()), RegistryInput.quantity(p.quantity()),
                        Boolean.TRUE.equals(p.borrowed())))
                        .toList();
        return outcome(registry.surrender(user, r.id(), r.account(), r.year() == null ? 0 : r.year(), parts));
    }

    record ReversalRequest(String id, UUID operation, String reason) {
    }

    @PostMapping("/reversals")
    ResponseEntity<OperationResource> reverse(CurrentUser user, @RequestBody ReversalRequest r) {
        return outcome(registry.reverse(user, r.id(), r.operation(), r.reason()));
    }

    record StatusRequest(String id, String account, AccountStatus status, String reason) {
    }

    @PostMapping("/status-changes")
    ResponseEntity<OperationResource> changeStatus(CurrentUser user, @RequestBody StatusRequest r) {
        if (r.status() == null) {
            throw Registry.invalid("status", "registry.status.required", "Say which status: OPEN, RESTRICTED, FROZEN or CLOSED");
        }
        return outcome(registry.changeStatus(user, r.id(), r.account(), r.status(), r.reason()));
    }

    @GetMapping("/operations/{id}")
    OperationResource operation(CurrentUser user, @PathVariable UUID id) {
        return OperationResource.of(registry.operation(user, id));
    }

    @GetMapping("/operations/{id}/entries")
    List<EntryResource> operationEntries(CurrentUser user, @PathVariable UUID id) {
        return registry.entriesOf(user, id).stream().map(EntryResource::of).toList();
    }

    /** Operations waiting for a decision the caller may take (maker-checker). */
    @GetMapping("/operations/awaiting-decision")
    List<OperationResource> awaiting(CurrentUser user) {
        return registry.awaitingDecision(user).stream().map(OperationResource::of).toList();
    }

    @PostMapping("/operations/{id}/approval")
    OperationResource approve(CurrentUser user, @PathVariable UUID id) {
        return OperationResource.of(registry.approve(user, id));
    }

    record RejectionRequest(String reason) {
    }

    @PostMapping("/operations/{id}/rejection")
    OperationResource reject(CurrentUser user, @PathVariable UUID id, @RequestBody RejectionRequest r) {
        return OperationResource.of(registry.reject(user, id, r.reason()));
    }

    @GetMapping("/invariant-checks")
    List<InvariantCheck> checks(CurrentUser user) {
        return checker.recent(user, 20);
    }

    @PostMapping("/invariant-checks")
    ResponseEntity<InvariantCheck> runCheck(CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(checker.runNow(user));
    }
}
