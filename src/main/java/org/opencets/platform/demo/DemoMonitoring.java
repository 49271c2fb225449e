package org.opencets.platform.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencets.directory.Fuel;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.mrv.Deposit;
import org.opencets.mrv.EvidenceKind;
import org.opencets.mrv.MeasurementBasis;
import org.opencets.mrv.MonthlyDeposits;
import org.opencets.mrv.MonthlyValue;
import org.opencets.mrv.Parameter;
import org.opencets.mrv.QcPlan;
import org.opencets.mrv.QcPlanItem;
import org.opencets.mrv.QualityControlPlans;
import org.opencets.mrv.DepositInput;
import org.springframework.stereotype.Component;

/**
 * The demo power plant's monitoring history, entered through the real workflows: this year's QC plans approved,
 * next year's in progress (unit 1 late), and every month from January last year deposited with evidence, reviewed by
 * the district and completed by the city — except the latest month, which waits for the district, and one month
 * that was returned with two reasons and corrected.
 */
@Component
class DemoMonitoring {

    static final String PLANT = "913302067801480643";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MonthlyDeposits deposits;
    private final QualityControlPlans plans;
    private final KeyEmitterDirectory directory;
    private final Accounts accounts;

    DemoMonitoring(MonthlyDeposits deposits, QualityControlPlans plans, KeyEmitterDirectory directory, Accounts accounts) {
        this.deposits = deposits;
        this.plans = plans;
        this.directory = directory;
        this.accounts = accounts;
    }

    void load(LocalDate today) {
        CurrentUser plant = accounts.byUsername("beilun.power").orElseThrow();
        CurrentUser district = accounts.byUsername("beilun.district").orElseThrow();
        CurrentUser city = accounts.byUsername("nb.city").orElseThrow();
        List<GeneratingUnit> units = directory.powerUnits().entrySet().stream().filter(e -> e.getKey().uscc().value().equals(PLANT))
                .findFirst().orElseThrow().getValue();
        for (GeneratingUnit unit : units) {
            approvedPlan(plant, district, city, unit, today.getYear());
            nextYearsPlan(plant, unit, today.getYear() + 1, unit == units.getFirst());
        }
        YearMonth latest = YearMonth.from(today).minusMonths(1);
        for (YearMonth month = YearMonth.of(today.getYear() - 1, 1); !month.isAfter(latest); month = month.plusMonths(1)) {
            for (GeneratingUnit unit : units) {
                boolean returnedOnce = unit == units.getFirst() && month.equals(latest.minusMonths(1));
                deposit(plant, district, city, unit, month, today, !month.equals(latest), returnedOnce);
            }
        }
    }

    private void approvedPlan(CurrentUser plant, CurrentUser district, CurrentUser city, GeneratingUnit unit, int year) {
        QcPlan plan = plans.draft(plant, unit.id(), year);
        plan = plans.save(plant, plan.id(), plan.version(), planItems(unit));
        plan = plans.submit(plant, plan.id(), plan.version());
        plan = plans.approve(district, plan.id(), plan.version());
        plans.approve(city, plan.id(), plan.version());
    }

    private void nextYearsPlan(CurrentUser plant, GeneratingUnit unit, int year, boolean late) {
        QcPlan plan = plans.draft(plant, unit.id(), year);
        List<QcPlanItem> items = planItems(unit);
        plan = plans.save(plant, plan.id(), plan.version(), late ? items.subList(0, 4) : items);
        if (!late) {
            plans.submit(plant, plan.id(), plan.version());
        }
    }

    private void deposit(CurrentUser plant, CurrentUser district, CurrentUser city, GeneratingUnit unit, YearMonth month, LocalDate today,
            boolean complete, boolean returnedOnce) {
        Random random = new Random((unit.unitCode() + month).hashCode());
        Deposit d = deposits.enter(plant, unit.id(), month, month.getMonthValue() % 3 == 0 ? Deposit.Channel.EXCEL : Deposit.Channel.API,
                values(unit, month, random));
        for (EvidenceKind kind : List.of(EvidenceKind.FUEL_RECORD, EvidenceKind.LAB_REPORT, EvidenceKind.METER_READING,
                EvidenceKind.PRODUCTION_REPORT, EvidenceKind.SAMPLING_RECORDING)) {
            boolean photo = kind == EvidenceKind.SAMPLING_RECORDING;
            String name = kind.name().toLowerCase() + "-" + unit.unitCode() + "-" + month + (photo ? ".jpg" : ".pdf");
            d = deposits.attach(plant, d.id(), kind, kind == EvidenceKind.LAB_REPORT ? Fuel.BITUMINOUS : null, name,
                    new ByteArrayInputStream(photo ? jpeg(name) : pdf(name)));
        }
        Instant submitted = month.atEndOfMonth().plusDays(6 + random.nextInt(10)).atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60)))
                .atZone(CHINA).toInstant();
        Instant now = today.atTime(LocalTime.of(8, 0)).atZone(CHINA).toInstant();
        d = deposits.submitHistorical(plant, d.id(), d.version(), submitted.isAfter(now) ? now : submitted).deposit();
        if (returnedOnce) {
            d = deposits.returnWithReasons(district, d.id(), d.version(), List.of(
                    "入炉煤化验报告缺少化验室 CMA 章，请补充盖章版本",
                    "运行小时数与 SIS 系统月报不一致，请核对后更正"));
            d = deposits.draft(plant, unit.id(), month, Deposit.Channel.FORM);
            d = deposits.attach(plant, d.id(), EvidenceKind.LAB_REPORT, Fuel.BITUMINOUS, "lab_report-stamped-" + unit.unitCode() + "-" + month
                    + ".pdf", new ByteArrayInputStream(pdf("stamped " + unit.unitCode() + month)));
            d = deposits.submitHistorical(plant, d.id(), d.version(), submitted.plusSeconds(3 * 86_400).isAfter(now) ? now
                    : submitted.plusSeconds(3 * 86_400)).deposit();
        }
        if (complete) {
            d = deposits.approve(district, d.id(), d.version());
            deposits.approve(city, d.id(), d.version());
        }
    }

    /** A plausible month of a 600/1000 MW coal unit: 80–97% of the hours, 65–85% load, ~0.40 t coal per MWh. */
    static DepositInput values(GeneratingUnit unit, YearMonth month, Random random) {
        BigDecimal hours = BigDecimal.valueOf(month.lengthOfMonth() * 24L * (80 + random.nextInt(18)) / 100);
        BigDecimal load = BigDecimal.valueOf(65 + random.nextInt(21));
        BigDecimal generation = unit.ratedCapacityMw().multiply(hours).multiply(load).divide(BigDecimal.valueOf(100))
                .multiply(BigDecimal.valueOf(97 + random.nextInt(7))).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
        BigDecimal aux = BigDecimal.valueOf(42 + random.nextInt(14), 1);
        BigDecimal supplied = generation.multiply(BigDecimal.ONE.subtract(aux.movePointLeft(2))).setScale(0, RoundingMode.HALF_UP);
        BigDecimal coal = generation.multiply(BigDecimal.valueOf(38 + random.nextInt(5), 2)).setScale(0, RoundingMode.HALF_UP);
        List<MonthlyValue> v = new ArrayList<>();
        v.add(measured(Parameter.FUEL_CONSUMPTION, Fuel.BITUMINOUS, coal));
        v.add(measured(Parameter.NCV, Fuel.BITUMINOUS, BigDecimal.valueOf(2050 + random.nextInt(250), 2)));
        v.add(measured(Parameter.CARBON_CONTENT, Fuel.BITUMINOUS, BigDecimal.valueOf(5300 + random.nextInt(600), 4)));
        v.add(measured(Parameter.FUEL_CONSUMPTION, Fuel.FUEL_OIL, BigDecimal.valueOf(random.nextInt(4) == 0 ? 12 + random.nextInt(30) : 0)));
        v.add(new MonthlyValue(Parameter.NCV, Fuel.FUEL_OIL, new BigDecimal("41.816"), MeasurementBasis.DEFAULT, "核算指南缺省值"));
        v.add(new MonthlyValue(Parameter.CARBON_CONTENT, Fuel.FUEL_OIL, null, MeasurementBasis.DEFAULT, "按缺省单位热值含碳量 0.0211 tC/GJ"));
        v.add(measured(Parameter.GENERATION, null, generation));
        v.add(measured(Parameter.POWER_SUPPLIED, null, supplied));
        v.add(measured(Parameter.HEAT_SUPPLIED, null, BigDecimal.ZERO));
        v.add(measured(Parameter.PURCHASED_ELECTRICITY, null, BigDecimal.ZERO));
        v.add(measured(Parameter.OPERATING_HOURS, null, hours));
        v.add(new MonthlyValue(Parameter.LOAD_FACTOR, null, load, MeasurementBasis.CALCULATED, null));
        v.add(new MonthlyValue(Parameter.AUX_POWER_RATE, null, aux, MeasurementBasis.CALCULATED, null));
        return new DepositInput(v, "BL-" + unit.unitCode().replace("号机组", "") + "-" + month, "燃料化验楼二层留样间 " + month.getMonthValue() + " 号柜");
    }

    static List<QcPlanItem> planItems(GeneratingUnit unit) {
        return List.of(
                item(Parameter.FUEL_CONSUMPTION, Fuel.BITUMINOUS, MeasurementBasis.MEASURED, "入炉煤皮带秤计量，按日汇总", "入炉皮带秤 ICS-20A",
                        "每月实物校验，每年法定检定", null, "每日", null),
                item(Parameter.NCV, Fuel.BITUMINOUS, MeasurementBasis.MEASURED, "GB/T 213 入炉煤每日采样，月缩分样化验", null, null,
                        "厂燃料化验室（CMA）", "每日采样，每月化验", null),
                item(Parameter.CARBON_CONTENT, Fuel.BITUMINOUS, MeasurementBasis.MEASURED, "GB/T 30733 月缩分样元素碳测定", null, null,
                        "浙江省电力试验研究院燃料检测中心（CNAS）", "每月", null),
                item(Parameter.FUEL_CONSUMPTION, Fuel.FUEL_OIL, MeasurementBasis.MEASURED, "油罐液位盘存与燃油流量计", "燃油流量计 LWGY-50",
                        "每年检定", null, "每次启停", null),
                item(Parameter.NCV, Fuel.FUEL_OIL, MeasurementBasis.DEFAULT, "采用核算指南缺省值", null, null, null, null, new BigDecimal("41.816")),
                item(Parameter.CARBON_CONTENT, Fuel.FUEL_OIL, MeasurementBasis.DEFAULT, "采用核算指南缺省单位热值含碳量 0.0211 tC/GJ", null, null, null,
                        null, null),
                item(Parameter.GENERATION, null, MeasurementBasis.MEASURED, "发电机出口电能表月度抄表", "关口电能表 0.2S 级", "每年检定", null, "每月", null),
                item(Parameter.POWER_SUPPLIED, null, MeasurementBasis.MEASURED, "上网关口电能表结算电量", "上网关口表 0.2S 级", "每年检定", null, "每月", null),
                item(Parameter.HEAT_SUPPLIED, null, MeasurementBasis.MEASURED, "供热蒸汽流量计（本机组纯凝，无对外供热）", "蒸汽流量计", "每年检定", null,
                        "每月", BigDecimal.ZERO),
                item(Parameter.PURCHASED_ELECTRICITY, null, MeasurementBasis.MEASURED, "下网电量结算单", "下网关口表", "每年检定", null, "每月", null),
                item(Parameter.OPERATING_HOURS, null, MeasurementBasis.MEASURED, "SIS 厂级监控系统统计", "SIS 系统", "每年核验", null, "每月", null),
                item(Parameter.LOAD_FACTOR, null, MeasurementBasis.CALCULATED, "发电量 ÷（额定容量 × 运行小时数）", null, null, null, "每月", null),
                item(Parameter.AUX_POWER_RATE, null, MeasurementBasis.CALCULATED, "（发电量 − 供电量）÷ 发电量", null, null, null, "每月", null));
    }

    private static QcPlanItem item(Parameter p, Fuel fuel, MeasurementBasis basis, String method, String instrument, String calibration,
            String lab, String frequency, BigDecimal defaultValue) {
        return new QcPlanItem(p, fuel, basis, method, instrument, calibration, lab, frequency, defaultValue);
    }

    private static MonthlyValue measured(Parameter p, Fuel fuel, BigDecimal value) {
        return new MonthlyValue(p, fuel, value, MeasurementBasis.MEASURED, null);
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% OpenCETS demo evidence\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] jpeg(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 6];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xE0;
        System.arraycopy(body, 0, out, 4, body.length);
        out[out.length - 2] = (byte) 0xFF;
        out[out.length - 1] = (byte) 0xD9;
        return out;
    }
}
