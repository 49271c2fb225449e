package org.opencets.registry;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.Vintage;
import org.opencets.support.Demo;
import org.springframework.context.ApplicationContext;

/** Fresh emitter accounts funded by test issuance, and the people who act on them, for registry tests. */
class RegistryFixtures {

    static final Vintage V2023 = Vintage.ofYear(2023);
    static final Vintage V2024 = Vintage.ofYear(2024);

    final Registry registry;
    final Ledger ledger;
    final LedgerStore store;
    final Trades trades;
    final InvariantChecker checker;
    private final Accounts people;

    RegistryFixtures(ApplicationContext context) {
        this.registry = context.getBean(Registry.class);
        this.ledger = context.getBean(Ledger.class);
        this.store = context.getBean(LedgerStore.class);
        this.trades = context.getBean(Trades.class);
        this.checker = context.getBean(InvariantChecker.class);
        this.people = context.getBean(Accounts.class);
    }

    /** A demo user (registry.operator, registry.checker, exchange, zj.officer, zj.admin, beilun.power, ...). */
    CurrentUser user(String username) {
        return people.byUsername(username).orElseThrow();
    }

    /** A new emitter (not in the directory) with its own account, and an officer of it. */
    record Holder(Account account, CurrentUser officer) {
        String number() {
            return account.number();
        }
    }

    Holder newHolder(String region) {
        Uscc uscc = Uscc.of(Demo.freshUscc(region));
        Account account = registry.emitterAccount(uscc, "测试排放单位 " + uscc.value().substring(8), RegionCode.of(region));
        CurrentUser officer = new CurrentUser(UUID.randomUUID(), "t-" + uscc.value(), "测试经办人", UUID.randomUUID(), account.holderName(),
                OrganisationKind.KEY_EMITTER, RegionCode.of(region), uscc, EnumSet.of(Role.OFFICER));
        return new Holder(account, officer);
    }

    /** A new funded holder: {@code quantity} of {@code vintage} issued into AVAILABLE. */
    Holder funded(String region, Vintage vintage, long quantity) {
        Holder h = newHolder(region);
        issue(h.account(), vintage, quantity);
        return h;
    }

    Submitted issue(Account account, Vintage vintage, long quantity) {
        return ledger.submit(new Ledger.Request("test-issue:" + UUID.randomUUID(), OperationKind.ISSUANCE, account, null, Map.of(),
                List.of(new Ledger.Move(registry.national(AccountKind.NATIONAL_ISSUANCE), HoldingState.AVAILABLE, account, HoldingState.AVAILABLE,
                        UnitType.CEA, vintage, quantity)),
                false, Ledger.Initiator.platform("test issuance")));
    }

    long balance(Account account, Vintage vintage, HoldingState state) {
        return store.balance(account, UnitType.CEA, vintage, state);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
