package org.opencets.platform.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.Account;
import org.opencets.registry.InvariantChecker;
import org.opencets.registry.Issuance;
import org.opencets.registry.Operation;
import org.opencets.registry.Registry;
import org.opencets.registry.Submitted;
import org.opencets.registry.Trades;
import org.opencets.shared.Backdating;
import org.opencets.shared.Uscc;
import org.opencets.shared.Vintage;
import org.springframework.stereotype.Component;

/**
 * The registry after allocation, at the dates it would have happened: the 2023 and 2024 allowances issued from
 * allocation's instructions (reconciled, in case an event was missed), two plants move allowances to their trading
 * holdings and the exchange settles trades between them, a pledge to a bank and a judicial freeze are applied and
 * released (each initiated by one registry officer and approved by the other), a second pledge waits for approval,
 * and the invariant check has run.
 */
@Component
class DemoRegistry {

    static final String BEILUN = "913302067801480643";
    static final String QIANQING = "9133060375502908XR";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Vintage V2023 = Vintage.ofYear(2023);
    private static final Vintage V2024 = Vintage.ofYear(2024);

    private final Registry registry;
    private final Trades trades;
    private final Issuance issuance;
    private final InvariantChecker checker;
    private final Accounts accounts;

    DemoRegistry(Registry registry, Trades trades, Issuance issuance, InvariantChecker checker, Accounts accounts) {
        this.registry = registry;
        this.trades = trades;
        this.issuance = issuance;
        this.checker = checker;
        this.accounts = accounts;
    }

    void load() {
        issuance.reconcile();
        CurrentUser beilunUser = user("beilun.power");
        CurrentUser qianqingUser = user("keqiao.dyeing.power");
        CurrentUser exchange = user("exchange");
        CurrentUser maker = user("registry.operator");
        CurrentUser second = user("registry.checker");
        String beilun = registry.accountOf(Uscc.of(BEILUN)).map(Account::number).orElseThrow();
        String qianqing = registry.accountOf(Uscc.of(QIANQING)).map(Account::number).orElseThrow();

        at(LocalDate.of(2025, 11, 3), 9, () -> registry.moveHolding(beilunUser, "demo-beilun-to-trading", beilun, V2024, 300_000, true));
        at(LocalDate.of(2025, 11, 4), 10, () -> registry.moveHolding(qianqingUser, "demo-qianqing-to-trading", qianqing, V2024, 20_000, true));
        trade(exchange, "SEEE-CEA-20251106-000173", beilun, qianqing, 50_000, 6_250, LocalDate.of(2025, 11, 6));
        trade(exchange, "SEEE-CEA-20251113-000411", beilun, qianqing, 30_000, 6_418, LocalDate.of(2025, 11, 13));
        trade(exchange, "SEEE-CEA-20251120-000092", qianqing, beilun, 10_000, 6_602, LocalDate.of(2025, 11, 20));
        trade(exchange, "SEEE-CEA-20251127-000350", beilun, qianqing, 25_000, 6_530, LocalDate.of(2025, 11, 27));
        at(LocalDate.of(2025, 12, 1), 14, () -> registry.moveHolding(qianqingUser, "demo-qianqing-to-registry", qianqing, V2024, 95_000, false));

        String bank = "中国工商银行宁波分行";
        String contract = "2025甬工银碳质字第0087号";
        Submitted pledge = at(LocalDate.of(2025, 12, 8), 10,
                () -> registry.pledge(maker, "demo-pledge-beilun", beilun, V2024, 500_000, bank, contract));
        approve(second, pledge, LocalDate.of(2025, 12, 9));
        Submitted release = at(LocalDate.of(2026, 3, 2), 10,
                () -> registry.releasePledge(maker, "demo-pledge-beilun-release", beilun, V2024, 500_000, bank, contract));
        approve(second, release, LocalDate.of(2026, 3, 3));

        String court = "(2026)浙0603执保112号";
        Submitted freeze = at(LocalDate.of(2026, 1, 12), 9, () -> registry.freeze(maker, "demo-freeze-qianqing", qianqing, V2023, 80_000, court));
        approve(second, freeze, LocalDate.of(2026, 1, 12));
        Submitted unfreeze = at(LocalDate.of(2026, 2, 20), 9,
                () -> registry.releaseFreeze(maker, "demo-freeze-qianqing-release", qianqing, V2023, 80_000, "(2026)浙0603执保112号之一"));
        approve(second, unfreeze, LocalDate.of(2026, 2, 20));

        registry.pledge(maker, "demo-pledge-qianqing", qianqing, V2024, 100_000, bank, "2026甬工银碳质字第0142号");
        checker.run("demo");
    }

    private void trade(CurrentUser exchange, String tradeId, String seller, String buyer, long quantity, long priceFen, LocalDate day) {
        Instant tradedAt = day.atTime(LocalTime.of(10, 30)).atZone(CHINA).toInstant();
        at(day, 15, () -> trades.settle(exchange, tradeId, seller, buyer, V2024, quantity, priceFen, tradedAt));
    }

    private void approve(CurrentUser second, Submitted submitted, LocalDate day) {
        Operation op = submitted.operation();
        at(day, 16, () -> registry.approve(second, op.id()));
    }

    private CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    private static <T> T at(LocalDate day, int hour, Supplier<T> steps) {
        return Backdating.at(day.atTime(hour, 0).atZone(CHINA).toInstant(), steps);
    }
}
