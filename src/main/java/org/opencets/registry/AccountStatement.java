package org.opencets.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.shared.Vintage;

/**
 * An account statement (账户对账单) for a period of whole days, China time: what the account held when the period
 * began, every ledger transfer that touched it during the period, and what it held when the period ended. Rows are
 * grouped by unit type and vintage (the groups in {@link #summary()}'s order), oldest first inside each group, so the
 * running balances of a row are those of its own vintage.
 *
 * @param opening  the account's non-zero holdings at the start of {@code from}
 * @param closing  the account's non-zero holdings at the end of {@code to} (= opening + the rows' changes)
 * @param sha256   the fingerprint of the statement's canonical text (see {@link AccountStatements#canonical})
 */
record AccountStatement(Account account, LocalDate from, LocalDate to, Instant generatedAt, List<Holding> opening, List<Row> rows,
        List<Holding> closing, List<Summary> summary, String sha256) {

    public AccountStatement {
        opening = List.copyOf(opening);
        rows = List.copyOf(rows);
        closing = List.copyOf(closing);
        summary = List.copyOf(summary);
    }

    /** A unit type and vintage: the statement's groups. */
    public record Position(UnitType unitType, Vintage vintage) implements Comparable<Position> {

        static final Comparator<Position> ORDER = Comparator.comparing(Position::unitType).thenComparing(Position::vintage);

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * One ledger transfer as the account sees it. {@code fromState} is the account's holding the transfer took from
     * (null when the account was only credited), {@code toState} the one it added to (null when only debited);
     * {@code debit} and {@code credit} are the quantities taken from and added to the account's holdings (both, when
     * the transfer moved allowances between two holdings of the account itself: then {@code counterparty} is null).
     * The balances are the account's registry holding (登记持仓, every state but TRADING) and trading holding
     * (交易持仓) of the row's unit type and vintage after the row.
     */
    public record Row(int no, long entryId, UUID operationId, Instant at, OperationKind kind, LedgerEntry.Phase phase, String reference,
            String counterparty, UnitType unitType, Vintage vintage, HoldingState fromState, HoldingState toState, long debit, long credit,
            long registryBalance, long tradingBalance) {

        public Position position() {
            return new Position(unitType, vintage);
        }

        /** Between two holdings of the account itself (to or from trading, a freeze, a pledge, a reservation). */
        public boolean internal() {
            return counterparty == null;
        }
    }

    /**
     * One unit type and vintage over the period: its opening and closing holdings per state, what came in from other
     * accounts, what went out to them and what moved between the account's own holdings.
     * {@code closing total = opening total + in − out}.
     */
    public record Summary(UnitType unitType, Vintage vintage, Map<HoldingState, Long> opening, long in, long out, long internal,
            Map<HoldingState, Long> closing) {

        public Summary {
            opening = complete(opening);
            closing = complete(closing);
        }

        public long openingTotal() {
            return opening.values().stream().mapToLong(Long::longValue).sum();
        }

        public long closingTotal() {
            return closing.values().stream().mapToLong(Long::longValue).sum();
        }

        public long openingRegistry() {
            return openingTotal() - opening.get(HoldingState.TRADING);
        }

        public long openingTrading() {
            return opening.get(HoldingState.TRADING);
        }

        public long closingRegistry() {
            return closingTotal() - closing.get(HoldingState.TRADING);
        }

        public long closingTrading() {
            return closing.get(HoldingState.TRADING);
        }

        public Position position() {
            return new Position(unitType, vintage);
        }

        private static Map<HoldingState, Long> complete(Map<HoldingState, Long> balances) {
            Map<HoldingState, Long> all = new EnumMap<>(HoldingState.class);
            for (HoldingState s : HoldingState.values()) {
                all.put(s, balances.getOrDefault(s, 0L));
            }
            return java.util.Collections.unmodifiableMap(all);
        }
    }

    public long openingTotal() {
        return opening.stream().mapToLong(Holding::balance).sum();
    }

    public long closingTotal() {
        return closing.stream().mapToLong(Holding::balance).sum();
    }

    public long debitTotal() {
        return rows.stream().mapToLong(Row::debit).sum();
    }

    public long creditTotal() {
        return rows.stream().mapToLong(Row::credit).sum();
    }
}
