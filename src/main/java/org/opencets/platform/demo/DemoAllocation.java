package org.opencets.platform.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.opencets.allocation.AllocationBasis;
import org.opencets.allocation.AllocationNotice;
import org.opencets.allocation.Allocations;
import org.opencets.allocation.Notices;
import org.opencets.allocation.SpecialCaseKind;
import org.opencets.allocation.SpecialCases;
import org.opencets.allocation.VerifiedBasis;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.Backdating;
import org.opencets.shared.Uscc;
import org.springframework.stereotype.Component;

/**
 * The power plants' allocations for 2023 and 2024 (the years the 2023/24 plan gives benchmarks for) through the real
 * workflow, at the dates they would have happened: the province imports the verified figures (verified outside the
 * platform, {@code allocation_basis.csv}: entity totals from {@code emissions.csv}, split over the units), records the
 * special cases of seed 003 §一, pre-allocates, allocates after verification with the true-up, and the notices are
 * served: signed in the platform by 北仑滨海, served on paper by the districts, refused by 中横塘 before a witness; the
 * 2024 notice of 钱清印染 still waits for its signature.
 */
@Component
class DemoAllocation {

    static final String WANGCHUN = "91330203623026565H";
    static final String DONGPU = "91330602672875563R";
    static final String ZHONGHENGTANG = "91330282506299927U";
    static final String QIANQING = "9133060375502908XR";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> DISTRICT_USERS = Map.ofEntries(Map.entry("330206", "beilun.district"),
            Map.entry("330211", "zhenhai.district"), Map.entry("330203", "haishu.district"), Map.entry("330212", "yinzhou.district"),
            Map.entry("330226", "ninghai.district"), Map.entry("330281", "yuyao.district"), Map.entry("330282", "cixi.district"),
            Map.entry("330602", "yuecheng.district"), Map.entry("330603", "keqiao.district"), Map.entry("330604", "shangyu.district"),
            Map.entry("330681", "zhuji.district"), Map.entry("330683", "shengzhou.district"));

    private final AllocationBasis basis;
    private final Allocations allocations;
    private final SpecialCases specialCases;
    private final Notices notices;
    private final KeyEmitterDirectory directory;
    private final Accounts accounts;

    DemoAllocation(AllocationBasis basis, Allocations allocations, SpecialCases specialCases, Notices notices, KeyEmitterDirectory directory,
            Accounts accounts) {
        this.basis = basis;
        this.allocations = allocations;
        this.specialCases = specialCases;
        this.notices = notices;
        this.directory = directory;
        this.accounts = accounts;
    }

    void load() {
        CurrentUser province = user("zj.officer");
        at(LocalDate.of(2024, 10, 21), () -> basis.importFigures(province, 2022, "全国碳市场管理平台 2022 年度核查结果（导入）", figures(2022)));
        at(LocalDate.of(2024, 10, 21), () -> basis.importFigures(province, 2023, "全国碳市场管理平台 2023 年度核查结果（导入）", figures(2023)));
        at(LocalDate.of(2024, 10, 22), () -> specialCases.record(province, Uscc.of(DONGPU), 2023, SpecialCaseKind.DISSOLVED,
                "全部设施于 2024 年 1 月关停，营业执照已于 2024 年 6 月注销，不发放配额、不参与履约"));
        at(LocalDate.of(2024, 10, 28), () -> allocations.preAllocateAll(province, 2023));
        at(LocalDate.of(2024, 11, 26), () -> allocations.finaliseAll(province, 2023));
        serve(2023, LocalDate.of(2024, 12, 3));
        at(LocalDate.of(2024, 12, 10), () -> specialCases.record(province, Uscc.of(WANGCHUN), 2024, SpecialCaseKind.FACILITIES_SHUT,
                "两台背压机组于 2024 年 1 月 6 日关停淘汰，企业仍存续：不予预分配，核定阶段统一发放至省级账户"));
        at(LocalDate.of(2024, 12, 10), () -> specialCases.record(province, Uscc.of(DONGPU), 2024, SpecialCaseKind.DISSOLVED,
                "营业执照已于 2024 年 6 月注销，不发放配额、不参与履约"));
        at(LocalDate.of(2024, 12, 10), () -> specialCases.record(province, Uscc.of(ZHONGHENGTANG), 2024, SpecialCaseKind.LEGAL_RISK,
                "涉债务诉讼，银行账户被司法冻结（慈溪市人民法院 (2024)浙0282执1234号）：配额发放至省级账户，由注登机构强制履约"));
        at(LocalDate.of(2024, 12, 16), () -> allocations.preAllocateAll(province, 2024));
        serve(2024, LocalDate.of(2024, 12, 20));
        at(LocalDate.of(2025, 10, 15), () -> basis.importFigures(province, 2024, "全国碳市场管理平台 2024 年度核查结果（导入）", figures(2024)));
        at(LocalDate.of(2025, 10, 24), () -> allocations.finaliseAll(province, 2024));
        serve(2024, LocalDate.of(2025, 10, 31));
    }

    /** The notices of the year: signed by 北仑滨海 in the platform, refused by 中横塘, served on paper elsewhere. */
    private void serve(int year, LocalDate day) {
        for (AllocationNotice n : notices.ofYear(user("zj.officer"), year)) {
            if (n.receipt().status() != AllocationNotice.ReceiptStatus.PENDING || n.issuedAt().isAfter(start(day))) {
                continue;
            }
            String uscc = n.emitter().value();
            if (uscc.equals(QIANQING) && year == 2024 && allocations.decision(user("zj.officer"), n.decisionId()).isFinal()) {
                continue; // keqiao.dyeing.power signs it today
            }
            var emitter = directory.findByUscc(n.emitter()).orElseThrow();
            CurrentUser district = user(DISTRICT_USERS.get(emitter.region().value()));
            if (uscc.equals(DemoMonitoring.PLANT)) {
                at(day, () -> notices.acknowledge(user("beilun.power"), n.id(), n.receipt().version(), "郭晓东"));
            } else if (uscc.equals(ZHONGHENGTANG) && year == 2024) {
                at(day, () -> notices.recordRefusal(district, n.id(), n.receipt().version(), "企业称对省级账户发放方式有异议，拒绝签收",
                        "周巷镇人民政府工作人员 王建军", "送达人留置送达，拍照存档"));
            } else {
                at(day, () -> notices.recordDelivery(district, n.id(), n.receipt().version(), "直接送达", emitter.address(),
                        emitter.contactName(), null, null, null));
            }
        }
    }

    /** The year's rows of allocation_basis.csv: an entity line (unit blank) followed by its units. */
    private static List<AllocationBasis.EntityFigures> figures(int year) {
        Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
        Map<String, List<VerifiedBasis.Unit>> units = new LinkedHashMap<>();
        for (Map<String, String> r : DemoRegionLoader.read("allocation_basis.csv")) {
            if (Integer.parseInt(r.get("year")) != year) {
                continue;
            }
            String uscc = r.get("emitter_uscc");
            if (r.get("unit_code").isEmpty()) {
                totals.put(uscc, new BigDecimal[] {new BigDecimal(r.get("verified_total")), new BigDecimal(r.get("verified_compliance"))});
            } else {
                units.computeIfAbsent(uscc, k -> new ArrayList<>()).add(new VerifiedBasis.Unit(r.get("unit_code"), null, null,
                        new BigDecimal(r.get("generation_mwh")), new BigDecimal(r.get("heat_gj")), new BigDecimal(r.get("operating_hours")),
                        new BigDecimal(r.get("emissions"))));
            }
        }
        return totals.entrySet().stream().map(t -> new AllocationBasis.EntityFigures(Uscc.of(t.getKey()), t.getValue()[0], t.getValue()[1],
                units.getOrDefault(t.getKey(), List.of()))).toList();
    }

    private CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    private static Instant start(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(CHINA).toInstant();
    }

    private static <T> T at(LocalDate day, Supplier<T> steps) {
        return Backdating.at(start(day), steps);
    }
}
