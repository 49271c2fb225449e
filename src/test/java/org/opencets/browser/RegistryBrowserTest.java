package org.opencets.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencets.registry.Account;
import org.opencets.registry.Registry;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registry's pages in the browser, in Chinese.
 * <ol>
 * <li>浙能北仑滨海 (beilun.power) opens 注册登记 and lands on its own account with its 2023 and 2024 holdings; moves
 * 100 t of 2024 to its trading holding and back, is told that 1.5 t is no whole tonne (nothing moved), and downloads
 * its statement as a PDF. The province (zj.officer) then reads the weekly net purchases of November 2025, where the
 * demo trades between 北仑滨海 and 钱清印染 appear week by week.</li>
 * <li>Maker-checker: registry.operator finds 钱清印染's account, registers a judicial freeze of 2023 allowances with
 * a court order; cannot approve it himself (no button, and a crafted approval is refused); registry.checker approves
 * it from the queue and the account shows the frozen quantity; the release goes the same way.</li>
 * </ol>
 * Data ownership: the demo accounts of 北仑滨海 and 钱清印染 are shared with other tests, so everything is asserted
 * as a change against what the page showed before, with small quantities, and every change is undone (the 100 t go
 * back to the registry holding; the freeze is released), leaving the balances as they were.
 */
@IntegrationTest
class RegistryBrowserTest {

    static final String BEILUN_NAME = "浙江浙能北仑滨海发电有限公司";
    static final String QIANQING_USCC = "9133060375502908XR";
    static final String QIANQING_NAME = "绍兴柯桥钱清印染热电有限公司";
    static final String TITLE_INDEX = "注册登记系统";
    static final String TITLE_QUEUE = "待审批业务";
    static final String TITLE_NET = "配额净购入量";

    @LocalServerPort
    int port;
    @Autowired
    Registry registry;

    @Test
    void emitterMovesToTradingAndBackIsRefusedHalfTonnesDownloadsStatementProvinceSeesWeeklyNetPurchases() throws Exception {
        String beilun = registry.accountOf(Uscc.of(Demo.BEILUN_POWER_USCC)).map(Account::number).orElseThrow();
        String qianqing = registry.accountOf(Uscc.of(QIANQING_USCC)).map(Account::number).orElseThrow();
        String title = "配额账户 " + beilun;
        long quantity = 100;

        try (Browser browser = Browser.open(port)) {
            // 1. the plant opens the registry from the navigation and lands on its own account
            browser.login("beilun.power", Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.id("nav-registry"));
            browser.noErrorPage(title);
            assertThat(URI.create(browser.driver.getCurrentUrl()).getPath()).isEqualTo("/registry/accounts/" + beilun);
            assertThat(browser.driver.findElement(By.id("account-number")).getText()).isEqualTo(beilun);
            assertThat(browser.driver.findElement(By.id("holder-name")).getText()).isEqualTo(BEILUN_NAME);
            assertThat(browser.driver.findElement(By.id("account-status")).getText()).isEqualTo("正常");
            assertThat(row(browser, "2023").findElement(By.tagName("td")).getText()).isEqualTo("CEA 2023 年度");
            assertThat(row(browser, "2024").findElement(By.tagName("td")).getText()).isEqualTo("CEA 2024 年度");
            assertThat(cell(browser, "2023", "registry")).isPositive();
            Holding before = holding(browser, "2024");
            assertThat(before.available()).as("room for the 100 t").isGreaterThan(quantity);
            assertThat(browser.driver.findElements(By.id("freeze-form"))).as("the operator's forms are not the plant's").isEmpty();

            // registry holding → trading holding
            move(browser, "TRADING", "2024", Long.toString(quantity));
            browser.clickAndWaitForNextPage(By.id("submit-move"));
            browser.noErrorPage(title);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("划转至交易持仓已完成");
            assertThat(browser.driver.findElements(By.cssSelector(".form-errors"))).isEmpty();
            String moveId = operationId(browser);
            Holding moved = holding(browser, "2024");
            assertThat(moved.trading()).isEqualTo(before.trading() + quantity);
            assertThat(moved.available()).isEqualTo(before.available() - quantity);
            assertThat(moved.registry()).isEqualTo(before.registry() - quantity);
            WebElement op = browser.driver.findElement(By.cssSelector("#operations tr[data-id='" + moveId + "']"));
            assertThat(op.getAttribute("data-kind")).isEqualTo("TO_TRADING");
            assertThat(op.getText()).contains("划转至交易持仓", "已记账", "100");
            WebElement line = browser.driver.findElement(By.cssSelector("#entries tr[data-operation='" + moveId + "']"));
            assertThat(line.getText()).contains("本账户内", "可用 → 交易持仓", "CEA 2024");
            assertThat(line.findElement(By.cssSelector("td.change")).getText()).isEqualTo("100");
            int operations = browser.driver.findElements(By.cssSelector("#operations tr[data-id]")).size();

            // half a tonne: refused in Chinese, nothing moved
            move(browser, "TRADING", "2024", "1.5");
            browser.clickAndWaitForNextPage(By.id("submit-move"));
            browser.noErrorPage(title);
            assertThat(browser.waitFor(By.id("errors-move")).getText()).contains("配额以整吨划转，1.5 不是整数");
            assertThat(browser.driver.findElements(By.id("done"))).isEmpty();
            assertThat(browser.driver.findElement(By.id("move-quantity")).getAttribute("value")).as("kept as typed").isEqualTo("1.5");
            assertThat(holding(browser, "2024")).isEqualTo(moved);
            assertThat(browser.driver.findElements(By.cssSelector("#operations tr[data-id]"))).hasSize(operations);

            // and back: trading holding → registry holding, the balances as they were
            move(browser, "REGISTRY", "2024", Long.toString(quantity));
            browser.clickAndWaitForNextPage(By.id("submit-move"));
            browser.noErrorPage(title);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("划转至登记持仓已完成");
            assertThat(holding(browser, "2024")).isEqualTo(before);
            assertThat(browser.driver.findElement(By.cssSelector("#operations tr[data-id='" + operationId(browser) + "']")).getAttribute("data-kind"))
                    .isEqualTo("TO_REGISTRY");

            // the statement of the period shown, as a PDF
            String from = browser.driver.findElement(By.id("from")).getAttribute("value");
            String to = browser.driver.findElement(By.id("to")).getAttribute("value");
            assertThat(from).matches("\\d{4}-01-01");
            browser.assertPdf(By.id("statement-pdf"), "/registry/accounts/" + beilun + "/statement.pdf?from=" + from + "&to=" + to);
            browser.logout();

            // 2. the province reads the weekly net purchases of November 2025
            browser.login("zj.officer", Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.id("nav-registry"));
            browser.noErrorPage(TITLE_INDEX);
            browser.clickAndWaitForNextPage(By.id("net-purchases-link"));
            browser.noErrorPage(TITLE_NET);
            setDate(browser, "from", "2025-11-01");
            setDate(browser, "to", "2025-11-30");
            browser.clickAndWaitForNextPage(By.cssSelector("#period-form button[type=submit]"));
            browser.noErrorPage(TITLE_NET);
            assertThat(URI.create(browser.driver.getCurrentUrl()).getQuery()).isEqualTo("from=2025-11-01&to=2025-11-30");
            // the demo trades (seller → buyer): 11-06 北仑 → 钱清 50 000, 11-13 北仑 → 钱清 30 000, 11-20 钱清 → 北仑 10 000, 11-27 北仑 → 钱清 25 000
            week(browser, beilun, "2025-11-03", "2025-11-09", BEILUN_NAME, "0", "50,000", "-50,000");
            week(browser, beilun, "2025-11-10", "2025-11-16", BEILUN_NAME, "0", "30,000", "-30,000");
            week(browser, beilun, "2025-11-17", "2025-11-23", BEILUN_NAME, "10,000", "0", "10,000");
            week(browser, beilun, "2025-11-24", "2025-11-30", BEILUN_NAME, "0", "25,000", "-25,000");
            week(browser, qianqing, "2025-11-03", "2025-11-09", QIANQING_NAME, "50,000", "0", "50,000");
            week(browser, qianqing, "2025-11-10", "2025-11-16", QIANQING_NAME, "30,000", "0", "30,000");
            week(browser, qianqing, "2025-11-17", "2025-11-23", QIANQING_NAME, "0", "10,000", "-10,000");
            week(browser, qianqing, "2025-11-24", "2025-11-30", QIANQING_NAME, "25,000", "0", "25,000");
            assertThat(browser.driver.findElements(By.cssSelector("#net-purchases tr[data-account='" + beilun + "']"))).as("one row a week").hasSize(4);
            assertThat(browser.driver.findElements(By.cssSelector("#net-purchases tr[data-account='" + qianqing + "']"))).hasSize(4);
            browser.logout();
        }
    }

    @Test
    void operatorRegistersJudicialFreezeCheckerApprovesThenReleaseTheSameWay() throws Exception {
        String qianqing = registry.accountOf(Uscc.of(QIANQING_USCC)).map(Account::number).orElseThrow();
        String title = "配额账户 " + qianqing;
        long quantity = 10 + ThreadLocalRandom.current().nextInt(90);
        String serial = Integer.toString(100 + ThreadLocalRandom.current().nextInt(900));
        String court = "(2026)浙0603执保" + serial + "号";
        String releaseCourt = court.replace("号", "号之一");

        try (Browser browser = Browser.open(port)) {
            // 1. the operator finds 钱清印染's account by name and registers the freeze
            browser.login("registry.operator", Demo.PASSWORD);
            browser.clickAndWaitForNextPage(By.id("nav-registry"));
            browser.noErrorPage(TITLE_INDEX);
            browser.driver.findElement(By.id("q")).sendKeys("钱清印染");
            // the list narrows as one types (htmx swaps the table in place)
            wait(browser, d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("#accounts-table tr[data-number]"));
                return rows.size() == 1 && rows.getFirst().getText().contains(QIANQING_NAME);
            });
            assertThat(browser.driver.findElement(By.cssSelector("#accounts-table tr[data-number]")).getAttribute("data-number")).isEqualTo(qianqing);
            browser.clickAndWaitForNextPage(By.cssSelector("#accounts-table tr[data-number='" + qianqing + "'] a"));
            browser.noErrorPage(title);
            assertThat(browser.driver.findElement(By.id("holder-name")).getText()).isEqualTo(QIANQING_NAME);
            // the vintage with the most available (the demo's surrenders use some vintages up)
            String vintage = browser.driver.findElements(By.cssSelector("#holdings tr[data-unit='CEA']")).stream()
                    .max(java.util.Comparator.comparingLong(r -> Long.parseLong(r.findElement(By.cssSelector("td.available")).getText().replace(",", ""))))
                    .orElseThrow().getAttribute("data-vintage");
            Holding before = holding(browser, vintage);
            assertThat(before.available()).isGreaterThan(quantity);

            fill(browser, "freeze-vintage", vintage);
            fill(browser, "freeze-quantity", Long.toString(quantity));
            fill(browser, "freeze-court", court);
            browser.clickAndWaitForNextPage(By.id("submit-freeze"));
            browser.noErrorPage(title);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("已提交，待另一名经办人审批（司法冻结）");
            String freeze = operationId(browser);
            Holding reserved = holding(browser, vintage);
            assertThat(reserved).as("reserved until approved").isEqualTo(before.plus(-quantity, quantity, 0));
            assertThat(browser.driver.findElement(By.cssSelector("#operations tr[data-id='" + freeze + "']")).getText())
                    .contains("司法冻结", "待审批", court);

            // he may not approve what he registered: no button on the operation, none in the queue, and a crafted approval is refused
            browser.clickAndWaitForNextPage(By.id("done-operation"));
            browser.noErrorPage("业务：司法冻结");
            assertThat(browser.driver.findElement(By.id("decide")).getText()).contains("您发起的业务，待另一名经办人审批");
            assertThat(browser.driver.findElements(By.id("approve"))).isEmpty();
            browser.clickAndWaitForNextPage(By.linkText(TITLE_QUEUE));
            browser.noErrorPage(TITLE_QUEUE);
            WebElement own = browser.driver.findElement(queueRow(freeze));
            assertThat(own.getText()).contains("司法冻结", qianqing, court, "您发起的业务，待另一名经办人审批");
            assertThat(own.findElements(By.cssSelector(".approve-form"))).isEmpty();
            forgeApproval(browser, freeze);
            browser.clickAndWaitForNextPage(By.id("forged-approve"));
            browser.noErrorPage(TITLE_QUEUE);
            assertThat(browser.waitFor(By.id("errors-" + freeze)).getText()).contains("该业务由您发起，须由同单位另一名经办人审批");
            assertThat(browser.driver.findElement(queueRow(freeze)).getText()).contains("您发起的业务，待另一名经办人审批");
            browser.logout();

            // 2. the second officer approves it from the queue; the account shows it frozen
            approveAsChecker(browser, freeze, "已审批通过：司法冻结");
            Holding frozen = holding(browser, vintage);
            assertThat(frozen).isEqualTo(before.plus(-quantity, 0, quantity));
            assertThat(browser.driver.findElement(By.cssSelector("#operations tr[data-id='" + freeze + "']")).getText()).contains("已审批", "谭雪梅");
            browser.logout();

            // 3. the release: the operator registers it, the checker approves it; the account is as before
            browser.login("registry.operator", Demo.PASSWORD);
            browser.go("/registry/accounts/" + qianqing);
            browser.noErrorPage(title);
            fill(browser, "release-freeze-vintage", vintage);
            fill(browser, "release-freeze-quantity", Long.toString(quantity));
            fill(browser, "release-freeze-court", releaseCourt);
            browser.clickAndWaitForNextPage(By.id("submit-release-freeze"));
            browser.noErrorPage(title);
            assertThat(browser.waitFor(By.id("done")).getText()).contains("已提交，待另一名经办人审批（解除冻结）");
            String release = operationId(browser);
            assertThat(holding(browser, vintage)).as("still held until approved").isEqualTo(before.plus(-quantity, quantity, 0));
            browser.logout();

            approveAsChecker(browser, release, "已审批通过：解除冻结");
            assertThat(holding(browser, vintage)).isEqualTo(before);
            assertThat(browser.driver.findElement(By.cssSelector("#operations tr[data-id='" + release + "']")).getText())
                    .contains("解除冻结", "已审批", releaseCourt);
            browser.logout();
        }
    }

    /** registry.checker logs in, opens the queue from the registry's page, approves the operation and opens its account. */
    private static void approveAsChecker(Browser browser, String operation, String done) {
        browser.login("registry.checker", Demo.PASSWORD);
        browser.clickAndWaitForNextPage(By.id("nav-registry"));
        browser.noErrorPage(TITLE_INDEX);
        assertThat(Integer.parseInt(browser.driver.findElement(By.id("awaiting-count")).getText())).isPositive();
        browser.clickAndWaitForNextPage(By.id("queue-link"));
        browser.noErrorPage(TITLE_QUEUE);
        browser.clickAndWaitForNextPage(By.cssSelector("#queue tr[data-id='" + operation + "'] .approve-form button"));
        browser.noErrorPage(TITLE_QUEUE);
        assertThat(browser.waitFor(By.id("done")).getText()).contains(done);
        assertThat(browser.driver.findElements(queueRow(operation))).as("decided, off the queue").isEmpty();
        browser.clickAndWaitForNextPage(By.id("done-operation"));
        assertThat(browser.driver.findElement(By.cssSelector(".op-status")).getText()).isEqualTo("已审批");
        assertThat(browser.driver.findElement(By.id("decision")).getText()).contains("已审批", "谭雪梅");
        browser.clickAndWaitForNextPage(By.cssSelector("#operation a"));
        browser.noErrorPage("配额账户 " + browser.driver.findElement(By.id("account-number")).getText());
    }

    /**
     * A form that posts the approval of the operator's own operation, as a stale or hand-made page would (the pages
     * offer no button for it), with the page's CSRF token.
     */
    private static void forgeApproval(Browser browser, String operation) {
        ((JavascriptExecutor) browser.driver).executeScript("""
                const f = document.createElement('form');
                f.method = 'post';
                f.action = '/registry/operations/' + arguments[0] + '/approve';
                const t = document.createElement('input');
                t.type = 'hidden';
                t.name = '_csrf';
                t.value = document.querySelector('meta[name=_csrf]').content;
                f.appendChild(t);
                const b = document.createElement('button');
                b.type = 'submit';
                b.id = 'forged-approve';
                b.textContent = '审批通过';
                f.appendChild(b);
                document.querySelector('main').appendChild(f);
                """, operation);
    }

    private static By queueRow(String operation) {
        return By.cssSelector("#queue tr[data-id='" + operation + "']");
    }

    /** The operation the notice above the page links to. */
    private static String operationId(Browser browser) {
        String href = browser.driver.findElement(By.id("done-operation")).getAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private static void move(Browser browser, String to, String vintage, String quantity) {
        new Select(browser.driver.findElement(By.id("move-to"))).selectByValue(to);
        fill(browser, "move-vintage", vintage);
        fill(browser, "move-quantity", quantity);
    }

    private static void fill(Browser browser, String id, String value) {
        WebElement input = browser.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static void setDate(Browser browser, String id, String value) {
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private static void wait(Browser browser, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(condition);
    }

    /** One emitter's week on the net purchases page. */
    private static void week(Browser browser, String account, String monday, String sunday, String name, String bought, String sold, String net) {
        WebElement row = browser.driver.findElement(By.cssSelector("#net-purchases tr[data-account='" + account + "'][data-week='" + monday + "']"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo(monday + " 至 " + sunday);
        assertThat(cells.get(1).getText()).startsWith(name);
        assertThat(cells.get(3).getText()).isEqualTo(account);
        assertThat(row.findElement(By.cssSelector("td.bought")).getText()).as("%s bought in the week of %s", name, monday).isEqualTo(bought);
        assertThat(row.findElement(By.cssSelector("td.sold")).getText()).as("%s sold in the week of %s", name, monday).isEqualTo(sold);
        assertThat(row.findElement(By.cssSelector("td.net")).getText()).as("%s net in the week of %s", name, monday).isEqualTo(net);
    }

    /** The quantities of one CEA vintage in the holdings table, in tonnes. */
    record Holding(long available, long reserved, long frozen, long pledged, long registry, long trading) {

        /** This holding after {@code quantity} left AVAILABLE for RESERVED and FROZEN ({@code available} + {@code reserved} + {@code frozen} = 0). */
        Holding plus(long available, long reserved, long frozen) {
            return new Holding(this.available + available, this.reserved + reserved, this.frozen + frozen, pledged, registry, trading);
        }
    }

    private static Holding holding(Browser browser, String vintage) {
        return new Holding(cell(browser, vintage, "available"), cell(browser, vintage, "reserved"), cell(browser, vintage, "frozen"),
                cell(browser, vintage, "pledged"), cell(browser, vintage, "registry"), cell(browser, vintage, "trading"));
    }

    private static WebElement row(Browser browser, String vintage) {
        return browser.waitFor(By.cssSelector("#holdings tr[data-unit='CEA'][data-vintage='" + vintage + "']"));
    }

    private static long cell(Browser browser, String vintage, String column) {
        return Long.parseLong(row(browser, vintage).findElement(By.cssSelector("td." + column)).getText().replace(",", ""));
    }
}
