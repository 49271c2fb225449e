package org.opencets.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.Vintage;
import org.opencets.shared.WorkClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Settlement of the exchange's trades (from the seller's trading holding to the buyer's) and the weekly net purchases
 * the provinces are told in the month before the surrender deadline (seed 003 §五(二)).
 */
@Service
public class Trades {

    private final Registry registry;
    private final LedgerStore store;
    private final Ledger ledger;
    private final JdbcClient jdbc;

    Trades(Registry registry, LedgerStore store, Ledger ledger, JdbcClient jdbc) {
        this.registry = registry;
        this.store = store;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** Settles one trade; the exchange's trade id is the idempotency id, so a resent trade settles once and a changed one is refused. */
    public Submitted settle(CurrentUser user, String tradeId, String seller, String buyer, Vintage vintage, long quantity, Long priceFen, Instant tradedAt) {
        RegistryAccess.requireExchange(user);
        String id = Registry.required("tradeId", tradeId);
        if (id.length() > 100) {
            throw Registry.invalid("tradeId", "registry.trade.id.long", "A trade id has at most 100 characters");
        }
        Account from = emitter("seller", seller);
        Account to = emitter("buyer", buyer);
        if (from.id() == to.id()) {
            throw Registry.invalid("buyer", "registry.trade.self", "Seller and buyer are the same account");
        }
        if (priceFen != null && priceFen < 0) {
            throw Registry.invalid("price", "registry.trade.price", "The price cannot be negative");
        }
        if (tradedAt == null) {
            throw Registry.invalid("tradedAt", "registry.trade.time", "Give the time the trade was made");
        }
        Instant at = tradedAt;
        Map<String, String> details = new TreeMap<>(Map.of("tradeId", id, "tradedAt", at.toString()));
        if (priceFen != null) {
            details.put("priceFen", priceFen.toString());
        }
        return ledger.submit(new Ledger.Request("trade:" + id, OperationKind.TRADE_SETTLEMENT, from, id, details,
                List.of(new Ledger.Move(from, HoldingState.TRADING, to, HoldingState.TRADING, UnitType.CEA, vintage, quantity)), false,
                Ledger.Initiator.of(user)), op -> jdbc.sql("""
                    insert into registry.trade (trade_id, operation_id, seller_account, buyer_account, vintage, quantity, price_fen, traded_at, settled_at)
                    values (?,?,?,?,?,?,?,?,?)""")
                    .params(id, op.id(), from.id(), to.id(), vintage.toString(), quantity, priceFen, Timestamp.from(at), Timestamp.from(op.createdAt()))
                    .update());
    }

    private Account emitter(String field, String number) {
        Account account = store.account(number == null ? "" : number.strip())
                .orElseThrow(() -> Registry.invalid(field, "registry.account.unknown", "There is no account {0}", number));
        if (account.kind() != AccountKind.EMITTER) {
            throw Registry.invalid(field, "registry.trade.emitter", "Only emitter accounts trade");
        }
        return account;
    }

    public Trade trade(CurrentUser user, String tradeId) {
        Trade trade = find(tradeId).orElseThrow(() -> new RecordNotFound("Trade", tradeId));
        if (user.kind() != OrganisationKind.EXCHANGE) {
            registry.account(user, trade.seller());
        }
        return trade;
    }

    Optional<Trade> find(String tradeId) {
        return jdbc.sql("""
                select t.*, s.number seller, b.number buyer from registry.trade t join registry.account s on s.id = t.seller_account
                join registry.account b on b.id = t.buyer_account where t.trade_id = ?""").param(tradeId)
                .query((rs, n) -> new Trade(rs.getString("trade_id"), rs.getString("seller"), rs.getString("buyer"), Vintage.parse(rs.getString("vintage")),
                        rs.getLong("quantity"), (Long) rs.getObject("price_fen", Long.class), rs.getTimestamp("traded_at").toInstant(),
                        rs.getObject("operation_id", java.util.UUID.class), rs.getTimestamp("settled_at").toInstant()))
                .optional();
    }

    /**
     * Net purchases per emitter and week (Monday to Sunday, China time) of trades made in [from, to]: the report the
     * provinces receive weekly in the month before the deadline. A bureau sees its region.
     */
    public List<NetPurchase> netPurchases(CurrentUser user, LocalDate from, LocalDate to) {
        if (!(user.kind().isBureau() || user.kind() == OrganisationKind.MINISTRY || user.kind() == OrganisationKind.REGISTRY_OPERATOR
                || user.kind() == OrganisationKind.EXCHANGE)) {
            throw new org.opencets.identity.AccessDenied("denied.registry.net.purchases", "Net purchases are reported to the authorities");
        }
        String prefix = user.kind().isBureau() ? user.region().prefix() : "";
        return jdbc.sql("""
                with legs as (
                  select buyer_account account, traded_at, quantity bought, 0 sold from registry.trade
                  union all select seller_account, traded_at, 0, quantity from registry.trade)
                select a.number, a.holder_uscc, a.holder_name, a.region_code,
                  date_trunc('week', l.traded_at at time zone 'Asia/Shanghai')::date week, sum(l.bought) bought, sum(l.sold) sold
                from legs l join registry.account a on a.id = l.account
                where a.region_code like ? and l.traded_at >= ? and l.traded_at < ?
                group by a.number, a.holder_uscc, a.holder_name, a.region_code, week order by week, a.region_code, a.holder_name""")
                .params(prefix + "%", Timestamp.from(from.atStartOfDay(WorkClock.CHINA).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(WorkClock.CHINA).toInstant()))
                .query((rs, n) -> new NetPurchase(rs.getString("number"), Uscc.of(rs.getString("holder_uscc")), rs.getString("holder_name"),
                        RegionCode.of(rs.getString("region_code")), rs.getDate("week").toLocalDate(), rs.getLong("bought"), rs.getLong("sold")))
                .list();
    }
}
