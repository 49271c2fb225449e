package org.opencets.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.opencets.allocation.AllocationBasis;
import org.opencets.allocation.SpecialCaseKind;
import org.opencets.allocation.SpecialCases;
import org.opencets.allocation.VerifiedBasis;
import org.opencets.directory.EmitterForm;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.directory.UnitForm;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The allocation workflow in the browser: the province (zj.officer) records a special case for a fresh power plant,
 * withdraws it, pre-allocates 2024 from the 2023 verified emissions and makes the final allocation with the true-up;
 * the "how computed" section, the decisions and the registry instructions show what was decided; the plant's officer
 * then signs for the final notice (after an empty name is refused), fetches the notice PDF and sees only its own row.
 * Owns a key emitter of its own (fresh USCC in 嵊州市 330683, registered by 绍兴 sx.city) with a 600 MW category I coal
 * unit and a 200 MW category IV gas unit; its 2023 (entity line) and 2024 (entity + units) figures are imported.
 */
@IntegrationTest
class AllocationBrowserTest {

    static final int YEAR = 2024;
    static final String REGION = "330683";
    static final String COAL = "1号机组";
    static final String GAS = "2号机组";
    static final String TITLE_YEAR = YEAR + " 年度配额分配";
    static final String TITLE_NOTICE = YEAR + "年度配额分配通知书";
    static final String TITLE_NOTICES = "配额分配通知书";

    /** 2023 (entity line only): verified total and compliance emissions. */
    static final BigDecimal E2023_TOTAL = new BigDecimal("2700000.00");
    static final BigDecimal E2023 = new BigDecimal("2650000.50");

    /** 2024: unit 1 (coal I, 600 MW) and unit 2 (gas IV, 200 MW). */
    static final BigDecimal QE1 = new BigDecimal("3000000");
    static final BigDecimal QH1 = new BigDecimal("500000");
    static final BigDecimal H1 = new BigDecimal("6000");
    static final BigDecimal E1 = new BigDecimal("2500000.00");
    static final BigDecimal QE2 = new BigDecimal("800000");
    static final BigDecimal QH2 = new BigDecimal("100000");
    static final BigDecimal H2 = new BigDecimal("5000");
    static final BigDecimal E2 = new BigDecimal("300000.40");
    static final BigDecimal E2024_TOTAL = new BigDecimal("2810000.00");
    static final BigDecimal E2024 = E1.add(E2); // 2 800 000.40 (compliance)

    /*
     * The final allocation of 2024, by hand (V6: Be I 0.7910, Be IV 0.3288, Bh coal 0.1033, Bh gas 0.0533; V14: load
     * bands 85/80/75, slopes 0.0014/0.0016; gas top-up on; V6: gap cap 20 %):
     *   unit 1: F  = 3 000 000 ÷ (600 × 6 000) = 0.8333 (4 dp)  → 80 % ≤ F < 85 % → Ff = 1 + 0.0014 × (85 − 83.33) = 1.002338 → 1.0023
     *           Ae = 3 000 000 × 0.7910 × 1.0023 = 2 378 457.9;  Ah = 500 000 × 0.1033 = 51 650
     *           A  = ⌊2 378 457.9 + 51 650⌋ = 2 430 107
     *   unit 2: Ae = 800 000 × 0.3288 = 263 040;  Ah = 100 000 × 0.0533 = 5 330;  A = ⌊268 370⌋ = 268 370
     *           gas top-up = max(0, ⌈300 000.40⌉ − 268 370) = 300 001 − 268 370 = 31 631  → 300 001
     *   ΣA = 2 430 107 + 300 001 = 2 730 108
     *   gap cap: ⌊0.80 × 2 800 000.40⌋ = 2 240 000 < ΣA → top-up 0;  allocation due = 2 730 108
     *   obligation = ⌈2 800 000.40⌉ = 2 800 001
     *   pre-allocation = ⌊0.70 × 2 650 000.50⌋ = ⌊1 855 000.35⌋ = 1 855 000;  true-up = 2 730 108 − 1 855 000 = 875 108
     */
    static final long UNIT1 = 2_430_107;
    static final long GAS_BENCHMARK = 268_370;
    static final long GAS_TOP_UP = 31_631;
    static final long DUE = 2_730_108;
    static final long OBLIGATION = 2_800_001;

    /** The heading above "how computed" (it has no id): the h2 right before #figures' problems block. */
    static final By FIGURES_HEADING = By.xpath("//div[@id='figures']/preceding-sibling::h2[1]");

    @LocalServerPort
    int port;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    Organisations organisations;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    AllocationBasis basis;
    @Autowired
    SpecialCases specialCases;

    KeyEmitter plant;
    String plantLogin;

    void setUp() {
        CurrentUser city = user("sx.city");
        String uscc = Demo.freshUscc(REGION);
        plant = directory.register(city, new EmitterForm(uscc, "嵊州配额浏览器测试发电有限公司-" + uscc.substring(8, 14), REGION, "4411", "NORMAL",
                "浙江省嵊州市配额浏览器测试路 6 号", "测试法人", "测试联系人", "0575-83100000", "allocation.browser@example.com"));
        directory.addUnit(city, plant.id(), new UnitForm("测试热电厂", COAL, "600", "I", "BITUMINOUS", "WATER", "2010-06-30", ""));
        directory.addUnit(city, plant.id(), new UnitForm("测试热电厂", GAS, "200", "IV", "NATURAL_GAS", "AIR", "2016-12-01", ""));
        plantLogin = "alloc.browser." + uscc.toLowerCase();
        people.createUnchecked(organisations.findByUscc(plant.uscc()).orElseThrow().id(), plantLogin, "配额测试经办人", plantLogin + "@example.com",
                Set.of(Role.OFFICER), Demo.PASSWORD);

        CurrentUser province = user("zj.officer");
        basis.importFigures(province, YEAR - 1, "browser test", List.of(new AllocationBasis.EntityFigures(plant.uscc(), E2023_TOTAL, E2023, List.of())));
        basis.importFigures(province, YEAR, "browser test", List.of(new AllocationBasis.EntityFigures(plant.uscc(), E2024_TOTAL, E2024, List.of(
                new VerifiedBasis.Unit(COAL, null, null, QE1, QH1, H1, E1),
                new VerifiedBasis.Unit(GAS, null, null, QE2, QH2, H2, E2)))));
    }

    @Test
    void provinceRecordsAndWithdrawsSpecialCasePreAllocatesFinalisesEmitterSignsNotice() throws Exception {
        setUp();
        String uscc = plant.uscc().value();
        String entityTitle = plant.name() + " · " + YEAR;
        long pre = new BigDecimal("0.70").multiply(E2023).setScale(0, RoundingMode.FLOOR).longValueExact();
        assertThat(pre).isEqualTo(1_855_000);
        long trueUp = DUE - pre;
        String finalNoticeNumber;
        String preNoticeNumber;

        try (Browser browser = Browser.open(port)) {
            // 1. the province sees the plant ready; records a special case, cannot record a second, withdraws it
            browser.login("zj.officer", Demo.PASSWORD);
            open(browser, "/allocation/" + YEAR, TITLE_YEAR);
            WebElement row = row(browser, uscc);
            assertThat(row.getText()).contains(plant.name(), "2,800,000.40");
            assertThat(row.findElement(By.cssSelector(".state")).getText()).isEqualTo("可核定");
            assertThat(row.findElement(By.cssSelector("td.pre")).getText()).isEqualTo("—");
            assertThat(row.findElement(By.cssSelector("td.due")).getText()).isEqualTo("—");
            clickAndReload(browser, By.cssSelector("#entities tr[data-emitter='" + uscc + "'] a"), entityTitle);
            browser.waitFor(By.id("decisions"));
            assertThat(URI.create(browser.driver.getCurrentUrl()).getPath()).isEqualTo("/allocation/" + YEAR + "/" + uscc);
            assertThat(browser.driver.findElement(By.id("special-case")).getText()).contains("无");
            assertThat(browser.driver.findElement(By.id("basis")).getText()).contains("导入的核查数据", "第 1 版",
                    "经核查排放量 2810000.00 t，履约口径 2800000.40 t", "2023 年度经核查排放量（履约口径）：2650000.50 t");
            assertThat(browser.driver.findElement(FIGURES_HEADING).getText()).isEqualTo("按当前数据试算（尚未核定）");
            assertThat(browser.driver.findElement(By.id("decisions")).getText()).contains("尚无分配决定");

            new Select(browser.driver.findElement(By.id("special-kind"))).selectByValue("LEGAL_RISK");
            browser.driver.findElement(By.id("special-note")).sendKeys("企业涉及债务纠纷，银行账户已被法院冻结。");
            clickAndReload(browser, By.id("record-special"), entityTitle);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("特殊情形已登记");
            assertThat(browser.driver.findElement(By.id("special-case")).getText()).contains("涉法涉诉涉债或司法冻结", "企业涉及债务纠纷，银行账户已被法院冻结。");
            assertThat(browser.driver.findElements(By.id("record-special"))).as("no second special case offered while one is in force").isEmpty();
            assertThat(browser.driver.findElements(By.id("special-kind"))).isEmpty();
            // the form is hidden, so the second special case is tried where it is still reachable: the service refuses
            assertThatThrownBy(() -> specialCases.record(user("zj.officer"), plant.uscc(), YEAR, SpecialCaseKind.FACILITIES_SHUT, "全部设施已关停。"))
                    .isInstanceOfSatisfying(ValidationFailed.class, v -> assertThat(v.violations()).extracting(f -> f.messageKey())
                            .containsExactly("allocation.special.twoCases"));
            open(browser, "/allocation/" + YEAR, TITLE_YEAR);
            assertThat(row(browser, uscc).getText()).contains("涉法涉诉涉债或司法冻结");
            open(browser, "/allocation/" + YEAR + "/" + uscc, entityTitle);

            browser.waitFor(By.cssSelector("#special-case input[name=reason]")).sendKeys("法院已解除冻结，登记有误。");
            clickAndReload(browser, By.id("withdraw-special"), entityTitle);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("特殊情形已撤销");
            String special = browser.driver.findElement(By.id("special-case")).getText();
            assertThat(special).contains("无", "已撤销：涉法涉诉涉债或司法冻结（企业涉及债务纠纷，银行账户已被法院冻结。），原因：法院已解除冻结，登记有误。");
            assertThat(browser.driver.findElements(By.id("withdraw-special"))).isEmpty();
            assertThat(browser.driver.findElements(By.id("record-special"))).as("a new special case may be recorded again").hasSize(1);

            // 2. pre-allocation, then the final allocation with the true-up
            assertThat(browser.driver.findElements(By.id("pre-allocate"))).hasSize(1);
            clickAndReload(browser, By.id("pre-allocate"), entityTitle);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已预分配");
            assertThat(browser.driver.findElements(By.id("errors"))).isEmpty();
            WebElement preRow = browser.driver.findElement(By.cssSelector("#decisions tr[data-kind=PRE_ALLOCATION]"));
            assertThat(preRow.findElement(By.tagName("td")).getText()).isEqualTo("预分配 #1");
            assertThat(preRow.getText()).contains(group(pre), "重点排放单位账户", "待签收");
            assertThat(preRow.findElement(By.cssSelector("td.to-issue")).getText()).isEqualTo(group(pre));
            preNoticeNumber = preRow.findElement(By.tagName("a")).getText();
            assertThat(preNoticeNumber).matches("配额通知〔2024〕33-\\d{4}号");
            assertThat(browser.driver.findElements(By.id("pre-allocate"))).as("pre-allocated once").isEmpty();
            assertThat(value(browser, "preAllocation")).isEqualTo(Long.toString(pre));

            clickAndReload(browser, By.id("finalise"), entityTitle);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已核定配额");
            assertThat(browser.driver.findElements(By.id("errors"))).isEmpty();
            WebElement finalRow = browser.driver.findElement(By.cssSelector("#decisions tr[data-kind=FINAL]"));
            List<WebElement> cells = finalRow.findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo("核定 #1");
            assertThat(cells.get(1).getText()).as("allocation due").isEqualTo(group(DUE));
            assertThat(cells.get(2).getText()).as("obligation").isEqualTo(group(OBLIGATION));
            assertThat(cells.get(3).getText()).as("issued before").isEqualTo(group(pre));
            assertThat(cells.get(4).getText()).as("borrowed").isEqualTo("0");
            assertThat(cells.get(5).getText()).as("true-up").isEqualTo(group(trueUp));
            assertThat(cells.get(6).getText()).isEqualTo("重点排放单位账户");
            assertThat(cells.get(8).getText()).contains("待签收");
            finalNoticeNumber = finalRow.findElement(By.tagName("a")).getText();
            assertThat(finalNoticeNumber).matches("配额通知〔2024〕33-\\d{4}号").isNotEqualTo(preNoticeNumber);

            // how computed: the decided figures, unit by unit
            assertThat(browser.driver.findElement(FIGURES_HEADING).getText()).isEqualTo("计算过程");
            assertThat(browser.driver.findElements(By.id("problems"))).isEmpty();
            assertThat(value(browser, "loadRate:" + COAL)).isEqualTo("0.8333");
            assertThat(value(browser, "loadFactor:" + COAL)).isEqualTo("1.0023");
            assertThat(value(browser, "electricity:" + COAL)).isEqualTo("2378457.9");
            assertThat(value(browser, "heat:" + COAL)).isEqualTo("51650");
            assertThat(value(browser, "benchmark:" + COAL)).isEqualTo(Long.toString(UNIT1));
            String benchmark = expand(browser, "benchmark:" + COAL);
            assertThat(benchmark).contains("⌊Ae + Ah⌋", "Ae", "2378457.9", "Ah", "51650");
            assertThat(expand(browser, "loadFactor:" + COAL)).contains("80% ≤ F < 85% → Ff = 1 + 0.0014 × (85 − 100F)");
            assertThat(expand(browser, "electricity:" + COAL)).contains("Qe × Be × Ff", "3000000", "0.791", "1.0023");
            assertThat(browser.driver.findElements(By.cssSelector("#figures details[data-key='loadRate:" + GAS + "']"))).as("gas is not load-corrected")
                    .isEmpty();
            assertThat(value(browser, "electricity:" + GAS)).isEqualTo("263040");
            assertThat(value(browser, "heat:" + GAS)).isEqualTo("5330");
            assertThat(value(browser, "benchmark:" + GAS)).isEqualTo(Long.toString(GAS_BENCHMARK));
            assertThat(value(browser, "gasTopUp:" + GAS)).isEqualTo(Long.toString(GAS_TOP_UP));
            assertThat(expand(browser, "gasTopUp:" + GAS)).contains("max(0, ⌈E_unit⌉ − A)", "300000.4", "268370");
            assertThat(value(browser, "unitsTotal")).isEqualTo(Long.toString(DUE));
            assertThat(value(browser, "gapCapTopUp")).isEqualTo("0");
            assertThat(value(browser, "allocationDue")).isEqualTo(Long.toString(DUE));
            assertThat(value(browser, "obligation")).isEqualTo(Long.toString(OBLIGATION));
            assertThat(value(browser, "trueUp")).isEqualTo(Long.toString(trueUp));

            List<WebElement> instructions = browser.driver.findElements(By.cssSelector("#instructions tbody tr"));
            assertThat(instructions).hasSize(2);
            assertThat(instructions).anySatisfy(i -> assertThat(i.getText()).startsWith("预分配 发放 " + group(pre) + " 2024 重点排放单位账户"));
            assertThat(instructions).anySatisfy(i -> assertThat(i.getText()).startsWith("核定补发/收回 发放 " + group(trueUp) + " 2024 重点排放单位账户"));

            // 3. no second final allocation offered; the year shows the plant allocated
            assertThat(browser.driver.findElements(By.id("finalise"))).as("finalised once").isEmpty();
            assertThat(browser.driver.findElements(By.id("pre-allocate"))).isEmpty();
            assertThat(browser.driver.findElements(By.id("correction-due"))).isEmpty();
            open(browser, "/allocation/" + YEAR, TITLE_YEAR);
            row = row(browser, uscc);
            assertThat(row.findElement(By.cssSelector(".state")).getText()).isEqualTo("已核定");
            assertThat(row.findElement(By.cssSelector("td.pre")).getText()).isEqualTo(group(pre));
            assertThat(row.findElement(By.cssSelector("td.due")).getText()).isEqualTo(group(DUE));
            assertThat(row.findElement(By.cssSelector("td.trueup")).getText()).isEqualTo(group(trueUp));
            assertThat(row.findElement(By.cssSelector("td.issued")).getText()).isEqualTo(group(DUE));
            assertThat(row.getText()).contains(group(OBLIGATION));
            browser.logout();

            // 4. the plant's officer signs for the final notice: an empty name is refused first
            browser.login(plantLogin, Demo.PASSWORD);
            open(browser, "/allocation/notices?year=" + YEAR, TITLE_NOTICES);
            List<WebElement> notices = browser.driver.findElements(By.cssSelector("#notices tbody tr[data-emitter]"));
            assertThat(notices).hasSize(2).allSatisfy(n -> {
                assertThat(n.getAttribute("data-emitter")).isEqualTo(uscc);
                assertThat(n.getText()).contains(plant.name(), "待签收");
            });
            assertThat(notices).extracting(n -> n.findElement(By.tagName("a")).getText()).containsExactlyInAnyOrder(preNoticeNumber, finalNoticeNumber);
            clickAndReload(browser, By.linkText(finalNoticeNumber), TITLE_NOTICE);
            browser.waitFor(By.id("notice-number"));
            String noticePath = URI.create(browser.driver.getCurrentUrl()).getPath();
            assertThat(noticePath).matches("/allocation/notices/[0-9a-f-]{36}");
            assertThat(browser.driver.findElement(By.id("notice-number")).getText()).isEqualTo(finalNoticeNumber);
            assertThat(browser.driver.findElement(By.id("receipt-status")).getText()).isEqualTo("待签收");
            assertThat(browser.driver.findElement(By.id("due")).getText()).isEqualTo(DUE + " 吨");
            assertThat(browser.driver.findElement(By.id("obligation")).getText()).isEqualTo(OBLIGATION + " 吨");
            assertThat(browser.driver.findElement(By.id("true-up")).getText()).isEqualTo("补发 " + trueUp + " 吨");
            assertThat(browser.driver.findElement(By.id("account")).getText()).isEqualTo("你单位在全国碳排放权注册登记系统的账户");
            assertThat(browser.driver.findElements(By.id("special-note"))).as("the special case was withdrawn before the decisions").isEmpty();
            assertThat(browser.driver.findElement(By.cssSelector("#units tr[data-unit='" + GAS + "']")).getText())
                    .contains(Long.toString(GAS_BENCHMARK), Long.toString(GAS_TOP_UP), "300001");

            clickAndReload(browser, By.id("sign"), TITLE_NOTICE);
            assertThat(browser.waitFor(By.id("errors")).getText()).isEqualTo("请填写签收人姓名");
            assertThat(browser.driver.findElement(By.id("receipt-status")).getText()).isEqualTo("待签收");
            browser.waitFor(By.id("signed-by")).sendKeys("王晓明");
            clickAndReload(browser, By.id("sign"), TITLE_NOTICE);
            assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已签署送达回证。");
            assertThat(browser.driver.findElements(By.id("errors"))).isEmpty();
            assertThat(browser.driver.findElement(By.id("receipt-status")).getText()).isEqualTo("已签收");
            assertThat(browser.driver.findElement(By.id("receipt-recipient")).getText()).isEqualTo("王晓明");
            assertThat(browser.driver.findElements(By.id("sign-form"))).as("signed once").isEmpty();
            browser.assertPdf(By.id("notice-pdf"), noticePath + "/notice.pdf");

            open(browser, "/allocation/notices?year=" + YEAR, TITLE_NOTICES);
            assertThat(browser.driver.findElements(By.cssSelector("#notices tbody tr[data-status=ACKNOWLEDGED]"))).singleElement()
                    .satisfies(n -> assertThat(n.getText()).contains(finalNoticeNumber, "已签收"));
            assertThat(browser.driver.findElements(By.cssSelector("#notices tbody tr[data-status=PENDING]"))).singleElement()
                    .satisfies(n -> assertThat(n.getText()).contains(preNoticeNumber, "待签收"));

            // 5. the plant sees only its own row of the year, and decides nothing
            open(browser, "/allocation/" + YEAR, TITLE_YEAR);
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("#entities tbody tr[data-emitter]"));
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.getAttribute("data-emitter")).isEqualTo(uscc);
                assertThat(r.findElement(By.cssSelector(".state")).getText()).isEqualTo("已核定");
                assertThat(r.findElement(By.cssSelector("td.due")).getText()).isEqualTo(group(DUE));
            });
            assertThat(browser.driver.findElements(By.id("authority-actions"))).isEmpty();
            assertThat(browser.driver.findElements(By.id("summary-table"))).isEmpty();
            browser.logout();
        }
    }

    private static WebElement row(Browser browser, String uscc) {
        return browser.waitFor(By.cssSelector("#entities tr[data-emitter='" + uscc + "']"));
    }

    /** The value a figure of "how computed" shows in its summary line. */
    private static String value(Browser browser, String key) {
        return browser.driver.findElement(By.cssSelector("#figures details[data-key='" + key + "'] strong.value")).getText();
    }

    /** Opens a figure's details (formula and inputs) as the user does and returns what it then shows. */
    private static String expand(Browser browser, String key) {
        By details = By.cssSelector("#figures details[data-key='" + key + "']");
        WebElement d = browser.driver.findElement(details);
        if (d.getAttribute("open") == null) {
            d.findElement(By.tagName("summary")).click();
        }
        browser.waitFor(By.cssSelector("#figures details[data-key='" + key + "'] code"));
        return browser.driver.findElement(details).getText();
    }

    private static String group(long n) {
        return String.format("%,d", n);
    }

    private static void clickAndReload(Browser browser, By button, String title) {
        browser.clickAndWaitForNextPage(button);
        browser.noErrorPage(title);
    }

    private static void open(Browser browser, String path, String title) {
        browser.go(path);
        browser.noErrorPage(title);
    }


    private CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }
}
