package org.opencets.platform.demo;

import java.time.LocalDate;
import org.opencets.ccer.CcerRegistry;
import org.opencets.ccer.ComplianceOffsets;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.Account;
import org.opencets.registry.Registry;
import org.opencets.shared.Uscc;
import org.springframework.stereotype.Component;

/**
 * The CCER side of the demo, early November 2025: the CCER registry registers three projects (one inside the national
 * ETS, so ineligible), opens accounts for 北仑滨海 and 钱清印染 and issues CCER to them; both bind their ETS accounts and
 * make national compliance offsets (全国履约抵销), which arrive in the ETS registry as PENDING_OFFSET. 北仑's are used in
 * its surrender; 钱清's ineligible ones stay pending and are recalled in January 2026. 北仑 also has a period-1
 * cancellation on record that only 2021/2022 could use.
 */
@Component
class DemoCcer {

    static final String WIND = "CCER-14-2025-0031";
    static final String FOREST = "CCER-14-2024-0008";
    static final String HEAT = "CCER-01-2025-0112";

    private final CcerRegistry ccer;
    private final ComplianceOffsets offsets;
    private final Registry registry;
    private final Accounts accounts;

    DemoCcer(CcerRegistry ccer, ComplianceOffsets offsets, Registry registry, Accounts accounts) {
        this.ccer = ccer;
        this.offsets = offsets;
        this.registry = registry;
        this.accounts = accounts;
    }

    void load(LocalDate day) {
        CurrentUser operator = user("ccer.registry");
        DemoCompliance.at(day, 9, () -> {
            ccer.registerProject(operator, WIND, "浙江嵊泗海上风电项目", "风电", "CCER-14-001-V01 并网海上风力发电", false);
            ccer.registerProject(operator, FOREST, "浙江安吉竹林经营碳汇项目", "林业碳汇", "CCER-14-002-V01 竹林经营碳汇", false);
            return ccer.registerProject(operator, HEAT, "宁波镇海燃煤机组余热利用项目", "余热利用", "CMS-025-V01 余热利用", true);
        });
        String beilun = DemoCompliance.at(day, 10, () -> ccer.openAccount(operator, DemoRegistry.BEILUN, null, null)).value().id();
        String qianqing = DemoCompliance.at(day, 10, () -> ccer.openAccount(operator, DemoRegistry.QIANQING, null, null)).value().id();
        DemoCompliance.at(day, 11, () -> {
            ccer.issue(operator, "demo-ccer-issue-beilun-wind", beilun, WIND, 60_000);
            ccer.issue(operator, "demo-ccer-issue-beilun-forest", beilun, FOREST, 40_000);
            ccer.recordFirstPeriodCancellation(operator, "demo-ccer-p1-beilun", beilun, FOREST, 5_000, LocalDate.of(2021, 12, 10));
            return ccer.issue(operator, "demo-ccer-issue-qianqing-heat", qianqing, HEAT, 20_000);
        });
        CurrentUser beilunUser = user("beilun.power");
        CurrentUser qianqingUser = user("keqiao.dyeing.power");
        LocalDate next = day.plusDays(1);
        DemoCompliance.at(next, 9, () -> offsets.bind(beilunUser, beilun, ets(DemoRegistry.BEILUN)));
        DemoCompliance.at(next, 10, () -> {
            offsets.requestOffset(beilunUser, "demo-ccer-offset-beilun-wind", beilun, WIND, 60_000);
            return offsets.requestOffset(beilunUser, "demo-ccer-offset-beilun-forest", beilun, FOREST, 40_000);
        });
        DemoCompliance.at(next, 14, () -> offsets.bind(qianqingUser, qianqing, ets(DemoRegistry.QIANQING)));
        DemoCompliance.at(next, 15, () -> offsets.requestOffset(qianqingUser, "demo-ccer-offset-qianqing-heat", qianqing, HEAT, 20_000));
    }

    private String ets(String uscc) {
        return registry.accountOf(Uscc.of(uscc)).map(Account::number).orElseThrow();
    }

    private CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }
}
