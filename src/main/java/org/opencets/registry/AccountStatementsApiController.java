package org.opencets.registry;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's statement over the API: the same figures and the same SHA-256 as the PDF and Excel copies, so that a
 * printed statement can be checked. Refusals are problem details (400 for the period, 404 for an account outside the
 * caller's view).
 */
@RestController
@RequestMapping("/api/v1/registry/accounts/{number}")
@Tag(name = "Registry", description = "Accounts, holdings, the ledger, trade settlement, freezes, pledges, cancellation, surrender, maker-checker")
class AccountStatementsApiController {

    private final AccountStatements statements;

    AccountStatementsApiController(AccountStatements statements) {
        this.statements = statements;
    }

    record AccountRef(String number, String kind, String holder, String holderName, String region, String status) {
    }

    record HoldingResource(String unitType, String vintage, String state, long balance) {
        static HoldingResource of(Holding h) {
            return new HoldingResource(h.unitType().name(), h.vintage().toString(), h.state().name(), h.balance());
        }
    }

    record EntryResource(int no, long entryId, UUID operation, Instant at, String kind, String phase, String reference, String counterparty,
            String unitType, String vintage, String fromState, String toState, long debit, long credit, long registryBalance, long tradingBalance) {
        static EntryResource of(AccountStatement.Row r) {
            return new EntryResource(r.no(), r.entryId(), r.operationId(), r.at(), r.kind().name(), r.phase().name(), r.reference(), r.counterparty(),
                    r.unitType().name(), r.vintage().toString(), r.fromState() == null ? null : r.fromState().name(),
                    r.toState() == null ? null : r.toState().name(), r.debit(), r.credit(), r.registryBalance(), r.tradingBalance());
        }
    }

    record SummaryResource(String unitType, String vintage, long opening, long in, long out, long internal, long closing, long closingRegistry,
            long closingTrading, Map<HoldingState, Long> openingByState, Map<HoldingState, Long> closingByState) {
        static SummaryResource of(AccountStatement.Summary s) {
            return new SummaryResource(s.unitType().name(), s.vintage().toString(), s.openingTotal(), s.in(), s.out(), s.internal(), s.closingTotal(),
                    s.closingRegistry(), s.closingTrading(), s.opening(), s.closing());
        }
    }

    record StatementResource(AccountRef account, LocalDate from, LocalDate to, Instant generatedAt, List<HoldingResource> opening,
            List<EntryResource> entries, List<HoldingResource> closing, List<SummaryResource> summary, String sha256) {
    }

    @GetMapping("/statement")
    @io.swagger.v3.oas.annotations.Operation(summary = "The account's statement (账户对账单) for the days from and to inclusive (China time, YYYY-MM-DD)",
            description = "Opening holdings, every ledger transfer of the period with running balances, closing holdings, a summary per vintage and "
                    + "the SHA-256 printed on the PDF and Excel copies.")
    StatementResource statement(CurrentUser user, @PathVariable String number, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AccountStatement s = statements.statement(user, number, AccountStatements.Period.parse(from, to));
        Account a = s.account();
        return new StatementResource(new AccountRef(a.number(), a.kind().name(), a.holder() == null ? null : a.holder().value(), a.holderName(),
                a.region() == null ? null : a.region().value(), a.status().name()), s.from(), s.to(), s.generatedAt(),
                s.opening().stream().map(HoldingResource::of).toList(), s.rows().stream().map(EntryResource::of).toList(),
                s.closing().stream().map(HoldingResource::of).toList(), s.summary().stream().map(SummaryResource::of).toList(), s.sha256());
    }
}
