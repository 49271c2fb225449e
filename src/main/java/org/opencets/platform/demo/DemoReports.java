package org.opencets.platform.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.opencets.accounting.StreamKind;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.mrv.AnnualReport;
import org.opencets.mrv.AnnualReports;
import org.opencets.mrv.StreamEntry;
import org.opencets.shared.Uscc;
import org.springframework.stereotype.Component;

/**
 * Last year's annual reports through the real workflow: the demo power plant's, compiled from its approved deposits
 * and reviewed by the district and the city, and a cement plant's, from its source streams, reviewed by the city.
 */
@Component
class DemoReports {

    static final String CEMENT = "913306815149610529";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AnnualReports reports;
    private final Accounts accounts;

    DemoReports(AnnualReports reports, Accounts accounts) {
        this.reports = reports;
        this.accounts = accounts;
    }

    void load(LocalDate today) {
        int year = today.getYear() - 1;
        powerReport(year);
        cementReport(year);
    }

    private void powerReport(int year) {
        CurrentUser plant = user("beilun.power");
        AnnualReport r = reports.draft(plant, Uscc.of(DemoMonitoring.PLANT), year);
        r = reports.saveExplanation(plant, r.id(), r.version(), """
                1. 全年 4 台机组均为纯凝机组，无对外供热；燃料为烟煤，燃料油仅用于启停助燃。
                2. 燃煤元素碳含量逐月委托浙江省电力试验研究院燃料检测中心（CNAS）实测；燃料油低位发热量与单位热值含碳量采用核算指南缺省值。
                3. 购入电力仅为机组全停期间的下网电量，全年为零。""");
        r = reports.attach(plant, r.id(), "年度生产报表-" + year + ".pdf", new ByteArrayInputStream(DemoMonitoring.pdf("annual production " + year)));
        r = reports.submitHistorical(plant, r.id(), r.version(), at(LocalDate.of(year + 1, 1, 22), 10));
        r = reports.approve(user("beilun.district"), r.id(), r.version());
        reports.approve(user("nb.city"), r.id(), r.version());
    }

    private void cementReport(int year) {
        CurrentUser plant = user("zhuji.cement");
        AnnualReport r = reports.draft(plant, Uscc.of(CEMENT), year);
        r = reports.saveStreams(plant, r.id(), r.version(), List.of(
                new StreamEntry(StreamKind.FUEL_COMBUSTION, "窑头窑尾燃煤（烟煤）", "BITUMINOUS", new BigDecimal("128650"), "t", new BigDecimal("22.416"),
                        null, null, null, "入厂煤化验，单位热值含碳量采用缺省值"),
                new StreamEntry(StreamKind.FUEL_COMBUSTION, "点火用燃料油", "FUEL_OIL", new BigDecimal("186.5"), "t", null, null, null, null, "缺省值"),
                new StreamEntry(StreamKind.PROCESS, "熟料生产（碳酸盐分解）", null, new BigDecimal("1534200"), "t", null, null, null, new BigDecimal("0.5280"),
                        "由生料 CaO、MgO 含量计算的熟料排放因子"),
                new StreamEntry(StreamKind.PURCHASED_ELECTRICITY, "外购电力", null, new BigDecimal("118460"), "MWh", null, null, null, null, "电网结算单"),
                new StreamEntry(StreamKind.PURCHASED_HEAT, "外购蒸汽", null, new BigDecimal("0"), "GJ", null, null, null, null, null)),
                Map.of("CLINKER", new BigDecimal("1534200"), "CEMENT", new BigDecimal("1968500")));
        r = reports.saveExplanation(plant, r.id(), r.version(), "熟料排放因子按生料中 CaO、MgO 含量逐批计算后加权平均；燃煤单位热值含碳量未实测，采用缺省值。");
        r = reports.submitHistorical(plant, r.id(), r.version(), at(LocalDate.of(year + 1, 9, 8), 15));
        reports.approve(user("sx.city"), r.id(), r.version());
    }

    private CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 30)).atZone(CHINA).toInstant();
    }
}
