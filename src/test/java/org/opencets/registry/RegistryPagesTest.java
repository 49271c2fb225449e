package org.opencets.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.registry.RegistryFixtures.V2023;
import static org.opencets.registry.RegistryFixtures.V2024;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.opencets.support.MessageBundles;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registry's pages: who sees which accounts, an emitter's own holdings, refusals in Chinese next to the form with
 * nothing moved, a form sent twice doing its business once, the operator's freeze waiting for a second operator, and
 * the weekly net purchases.
 *
 * <p>Data ownership: read-only use of the demo account of 浙江浙能北仑滨海发电有限公司 (beilun.power); everything that
 * moves allowances happens on fresh accounts in 330206 made here, with their own test-made logins.
 */
@IntegrationTest
class RegistryPagesTest {

    private static final String REGION = "330206";

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    People people;

    RegistryFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new RegistryFixtures(context);
    }

    /** A fresh emitter with its own account, {@code quantity} of 2023 allowances and a login for an officer of it. */
    record Login(Account account, String username, CurrentUser officer) {
        String number() {
            return account.number();
        }
    }

    Login holder(long quantity) {
        Uscc uscc = Uscc.of(Demo.freshUscc(REGION));
        String name = "登记页面测试单位 " + uscc.value().substring(8);
        Organisation org = organisations.ensureEmitterOrganisation(uscc, name, RegionCode.of(REGION));
        Account account = fx.registry.emitterAccount(uscc, name, RegionCode.of(REGION));
        if (quantity > 0) {
            fx.issue(account, V2023, quantity);
        }
        String username = "reg-" + uscc.value().toLowerCase();
        people.createUnchecked(org.id(), username, "登记页面测试经办人", null, Set.of(Role.OFFICER), Demo.PASSWORD);
        return new Login(account, username, fx.user(username));
    }

    @Test
    void theOperatorSeesEveryAccountAndRunsTheInvariantCheck() throws Exception {
        MockHttpSession operator = Demo.login(mvc, "registry.operator");
        Account beilun = fx.registry.accountOf(Uscc.of(Demo.BEILUN_POWER_USCC)).orElseThrow();

        MvcResult run = mvc.perform(post("/registry/checks").session(operator).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/registry")).andReturn();
        assertThat(String.valueOf(run.getFlashMap().get("done"))).startsWith("检查完成");

        String page = html(mvc.perform(get("/registry").session(operator)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("账务一致性检查", "id=\"run-check\"", "id=\"checks\"", "data-number=\"" + beilun.number() + "\"",
                "浙江浙能北仑滨海发电有限公司", "N-ISSUANCE", "国家配额发放账户", "重点排放单位账户", "正常", "CEA 2023", "已发放", "持仓合计",
                "未执行的配额分配指令", "id=\"reconcile\"", "/registry/operations", "/registry/net-purchases", "id=\"nav-registry\"");
        // the check just run is listed first, with what it counted
        InvariantCheck latest = fx.checker.recent(fx.user("registry.operator"), 1).getFirst();
        assertThat(page).contains("data-id=\"" + latest.id() + "\"");
        assertThat(latest.passed()).as("the ledger adds up: %s", latest.violations()).isTrue();

        MvcResult reconciled = mvc.perform(post("/registry/reconcile").session(operator).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/registry")).andReturn();
        assertThat(String.valueOf(reconciled.getFlashMap().get("done"))).startsWith("对账完成：补执行");

        // a bureau sees the accounts of its region but not the checks; the emitter may not run them
        String district = html(mvc.perform(get("/registry").session(Demo.login(mvc, "beilun.district"))).andExpect(status().isOk()).andReturn());
        assertThat(district).contains("data-number=\"" + beilun.number() + "\"").doesNotContain("id=\"checks\"", "id=\"reconcile\"", "N-ISSUANCE");
        mvc.perform(post("/registry/checks").session(Demo.login(mvc, "beilun.power")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void anEmitterIsTakenToItsOwnAccountAndSeesItsDemoHoldings() throws Exception {
        MockHttpSession emitter = Demo.login(mvc, "beilun.power");
        Account beilun = fx.registry.accountOf(Uscc.of(Demo.BEILUN_POWER_USCC)).orElseThrow();
        String path = "/registry/accounts/" + beilun.number();

        mvc.perform(get("/registry").session(emitter)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        String page = html(mvc.perform(get(path).session(emitter)).andExpect(status().isOk()).andReturn());
        long available2023 = fx.balance(beilun, V2023, HoldingState.AVAILABLE);
        long available2024 = fx.balance(beilun, V2024, HoldingState.AVAILABLE);
        assertThat(available2023).isPositive();
        assertThat(available2024).isPositive();
        assertThat(page).contains("浙江浙能北仑滨海发电有限公司", beilun.number(), "data-vintage=\"2023\"", "data-vintage=\"2024\"",
                        "CEA 2023 年度", ">" + fmt(available2023) + "<", ">" + fmt(available2024) + "<",
                        "登记持仓", "交易持仓", "预支（仅限清缴）", "司法冻结", "质押",
                        "id=\"move-form\"", "id=\"transfer-form\"", "id=\"cancel-form\"", "name=\"id\"",
                        path + "/statement.pdf?from=", path + "/statement.xlsx?from=")
                .doesNotContain("id=\"freeze-form\"", "id=\"pledge-form\"", "id=\"status-form\"");
        // each drawing of the page has fresh request ids
        String again = html(mvc.perform(get(path).session(emitter)).andExpect(status().isOk()).andReturn());
        assertThat(requestIds(again)).doesNotContainAnyElementsOf(requestIds(page));

        // the statement of a period that includes the demo issuance: issued from the national account, signed +
        String statement = html(mvc.perform(get(path).session(emitter).param("from", "2020-01-01").param("to", "2099-12-31"))
                .andExpect(status().isOk()).andReturn());
        assertThat(statement).contains("N-ISSUANCE", "发放", "+" + fmt(fx.registry.entries(fx.user("beilun.power"), beilun.number(),
                java.time.LocalDate.of(2020, 1, 1), java.time.LocalDate.of(2099, 12, 31)).getFirst().quantity()));
        // a period the wrong way round is told, not failed
        assertThat(html(mvc.perform(get(path).session(emitter).param("from", "2025-02-01").param("to", "2025-01-01")).andExpect(status().isOk()).andReturn()))
                .contains("起始日期不能晚于截止日期");

        // English through the _en bundle
        String english = html(mvc.perform(get(path).session(emitter).param("lang", "en")).andExpect(status().isOk()).andReturn());
        assertThat(english).contains("Registry holding", "Trading holding", "Voluntary cancellation");
        mvc.perform(get(path).session(emitter).param("lang", "zh-CN")).andExpect(status().isOk());
    }

    @Test
    void anEmitterCannotOpenAnotherEmittersAccountNorActAsTheOperator() throws Exception {
        MockHttpSession emitter = Demo.login(mvc, "beilun.power");
        Account beilun = fx.registry.accountOf(Uscc.of(Demo.BEILUN_POWER_USCC)).orElseThrow();
        Login other = holder(100);

        mvc.perform(get("/registry/accounts/" + other.number()).session(emitter)).andExpect(status().isNotFound());
        mvc.perform(get("/registry/accounts/N-ISSUANCE").session(emitter)).andExpect(status().isNotFound());
        mvc.perform(post("/registry/accounts/" + other.number() + "/move").session(emitter).with(csrf())
                .param("id", RegistryFixtures.id()).param("to", "TRADING").param("vintage", "2023").param("quantity", "1")).andExpect(status().isNotFound());
        mvc.perform(post("/registry/accounts/" + beilun.number() + "/freeze").session(emitter).with(csrf())
                .param("id", RegistryFixtures.id()).param("vintage", "2023").param("quantity", "1").param("courtOrder", "(2026)浙0206执1号"))
                .andExpect(status().isForbidden());
        assertThat(fx.balance(other.account(), V2023, HoldingState.AVAILABLE)).isEqualTo(100);
        assertThat(fx.balance(beilun, V2023, HoldingState.RESERVED)).isZero();
    }

    @Test
    void badInputShowsItsChineseErrorNextToTheFormAndMovesNothing() throws Exception {
        MockHttpSession emitter = Demo.login(mvc, "beilun.power");
        Account beilun = fx.registry.accountOf(Uscc.of(Demo.BEILUN_POWER_USCC)).orElseThrow();
        String path = "/registry/accounts/" + beilun.number();
        long available = fx.balance(beilun, V2023, HoldingState.AVAILABLE);
        long trading = fx.balance(beilun, V2023, HoldingState.TRADING);
        int operations = fx.registry.operations(fx.user("beilun.power"), beilun.number()).size();

        String fraction = refused(emitter, path + "/move", "vintage", "2023", "quantity", "1.5", "to", "TRADING");
        assertThat(fraction).contains("id=\"errors-move\"", "配额以整吨划转，1.5 不是整数", "value=\"1.5\"");
        assertThat(refused(emitter, path + "/move", "vintage", "2023", "quantity", "0", "to", "TRADING")).contains("数量必须是大于零的整数吨");
        assertThat(refused(emitter, path + "/transfer", "to", "N-ISSUANCE", "vintage", "2023", "quantity", "-3")).contains("id=\"errors-transfer\"",
                "数量必须是大于零的整数吨");
        assertThat(refused(emitter, path + "/move", "vintage", "2023", "quantity", "99999999999", "to", "TRADING")).contains("数量超过 10,000,000,000 吨，请核实");
        assertThat(refused(emitter, path + "/move", "vintage", "2023", "quantity", "十吨", "to", "TRADING")).contains("数量必须是整数吨");
        assertThat(refused(emitter, path + "/cancel", "vintage", "2018", "quantity", "5", "confirm", "yes")).contains("id=\"errors-cancel\"",
                "配额年度须为 2019-2020 或 2021 年起的单一年度（填写的是 2018）");
        assertThat(refused(emitter, path + "/move", "vintage", "2023", "quantity", Long.toString(available + 1), "to", "TRADING"))
                .contains("账户 " + beilun.number() + " 的 2023 年度配额（可用）余额为 " + fmt(available) + " 吨，不足 "
                        + fmt(available + 1) + " 吨");
        assertThat(refused(emitter, path + "/cancel", "vintage", "2023", "quantity", "5")).contains("请勾选确认：自愿注销不可撤销");
        assertThat(refused(emitter, path + "/transfer", "to", "N-CANCELLATION", "vintage", "2023", "quantity", "5"))
                .contains("配额只能通过收回、注销或清缴进入国家账户");
        assertThat(refused(emitter, path + "/transfer", "to", "E9999999999", "vintage", "2023", "quantity", "5")).contains("账户 E9999999999 不存在");
        String english = html(mvc.perform(post(path + "/move").session(emitter).with(csrf()).param("lang", "en").param("id", RegistryFixtures.id())
                .param("vintage", "2023").param("quantity", "1.5").param("to", "TRADING")).andExpect(status().isOk()).andReturn());
        assertThat(english).contains("Allowances move in whole tonnes: 1.5 is not whole");
        mvc.perform(get(path).session(emitter).param("lang", "zh-CN")).andExpect(status().isOk());

        assertThat(fx.balance(beilun, V2023, HoldingState.AVAILABLE)).isEqualTo(available);
        assertThat(fx.balance(beilun, V2023, HoldingState.TRADING)).isEqualTo(trading);
        assertThat(fx.registry.operations(fx.user("beilun.power"), beilun.number())).hasSize(operations);
    }

    @Test
    void aFormSentTwiceDoesItsBusinessOnceAndTheHolderMovesTransfersAndCancels() throws Exception {
        Login h = holder(1_000);
        Login receiver = holder(0);
        MockHttpSession session = Demo.login(mvc, h.username());
        String path = "/registry/accounts/" + h.number();
        String page = html(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn());
        String id = requestIds(page).getFirst();

        // the same form posted twice: one operation; both answers lead to it, the second says it was a resubmission
        MvcResult first = mvc.perform(post(path + "/move").session(session).with(csrf()).param("id", id).param("vintage", "2023").param("quantity", "300")
                .param("to", "TRADING")).andExpect(status().is3xxRedirection()).andReturn();
        MvcResult second = mvc.perform(post(path + "/move").session(session).with(csrf()).param("id", id).param("vintage", "2023").param("quantity", "300")
                .param("to", "TRADING")).andExpect(status().is3xxRedirection()).andReturn();
        UUID moved = operationOf(first);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo(path + "?done=" + moved);
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(path + "?done=" + moved + "&replayed=true");
        assertThat(fx.balance(h.account(), V2023, HoldingState.TRADING)).isEqualTo(300);
        assertThat(fx.balance(h.account(), V2023, HoldingState.AVAILABLE)).isEqualTo(700);
        assertThat(follow(first, session)).contains("id=\"done\"", "划转至交易持仓已完成", "id=\"done-operation\"").doesNotContain("id=\"replayed\"");
        String replayed = follow(second, session);
        assertThat(replayed).contains("id=\"done\"", "划转至交易持仓已完成", "id=\"replayed\"", "本次未重复办理", "id=\"done-operation\"");
        assertThat(replayed).contains("本账户内", "可用 → 交易持仓", "data-kind=\"TO_TRADING\"");
        // the same id with other content is refused, nothing moved
        assertThat(html(mvc.perform(post(path + "/move").session(session).with(csrf()).param("id", id).param("vintage", "2023").param("quantity", "30")
                .param("to", "TRADING")).andExpect(status().isOk()).andReturn())).contains("已用于另一笔内容不同的请求");
        assertThat(fx.balance(h.account(), V2023, HoldingState.TRADING)).isEqualTo(300);

        // back from the trading holding; a transfer to another account; a confirmed cancellation
        submit(session, path + "/move", "vintage", "2023", "quantity", "100", "to", "REGISTRY");
        submit(session, path + "/transfer", "to", receiver.number().toLowerCase(), "vintage", "2023", "quantity", "150", "reason", "集团内调剂");
        MvcResult cancelled = submit(session, path + "/cancel", "vintage", "2023", "quantity", "50", "reason", "自愿减排", "confirm", "yes");
        assertThat(follow(cancelled, session)).contains("自愿注销已完成");
        assertThat(fx.balance(h.account(), V2023, HoldingState.AVAILABLE)).isEqualTo(600);
        assertThat(fx.balance(h.account(), V2023, HoldingState.TRADING)).isEqualTo(200);
        assertThat(fx.balance(receiver.account(), V2023, HoldingState.AVAILABLE)).isEqualTo(150);

        String after = html(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn());
        assertThat(after).contains("<td class=\"num available\">600</td>", "<td class=\"num registry\"><strong>600</strong></td>",
                "<td class=\"num trading\">200</td>", receiver.number(), "N-CANCELLATION", "-150", "-50", "自愿注销", "账户间转移");
        // the receiver sees the line from the sender
        String received = html(mvc.perform(get("/registry/accounts/" + receiver.number()).session(Demo.login(mvc, receiver.username())))
                .andExpect(status().isOk()).andReturn());
        assertThat(received).contains(h.number(), "+150", ">150<");
    }

    @Test
    void theOperatorsFreezeWaitsForASecondOperatorAndThenShowsAsFrozen() throws Exception {
        RegistryFixtures.Holder h = fx.funded(REGION, V2023, 800);
        MockHttpSession operator = Demo.login(mvc, "registry.operator");
        MockHttpSession checker = Demo.login(mvc, "registry.checker");
        String path = "/registry/accounts/" + h.number();

        String page = html(mvc.perform(get(path).session(operator)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("id=\"freeze-form\"", "id=\"release-freeze-form\"", "id=\"pledge-form\"", "id=\"release-pledge-form\"",
                "id=\"status-form\"").doesNotContain("id=\"move-form\"", "id=\"cancel-form\"");
        assertThat(refused(operator, path + "/freeze", "vintage", "2023", "quantity", "500", "courtOrder", " ")).contains("id=\"errors-freeze\"",
                "请填写法院协助执行通知书文号");

        MvcResult submitted = submit(operator, path + "/freeze", "vintage", "2023", "quantity", "500", "courtOrder", "(2026)浙0206执保12号");
        UUID freeze = operationOf(submitted);
        assertThat(fx.balance(h.account(), V2023, HoldingState.RESERVED)).isEqualTo(500);
        assertThat(fx.balance(h.account(), V2023, HoldingState.FROZEN)).isZero();
        assertThat(follow(submitted, operator)).contains("已提交，待另一名经办人审批（司法冻结）", "待审批", "data-kind=\"FREEZE\"");

        // the initiator: listed without an approve button; approving anyway is refused with the maker-checker rule
        String own = html(mvc.perform(get("/registry/operations").session(operator)).andExpect(status().isOk()).andReturn());
        assertThat(rowOf(own, freeze)).contains("您发起的业务，待另一名经办人审批", "(2026)浙0206执保12号", "500 吨").doesNotContain("approve-form");
        String refusedOwn = html(mvc.perform(post("/registry/operations/" + freeze + "/approve").session(operator).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(refusedOwn).contains("该业务由您发起，须由同单位另一名经办人审批", "id=\"errors-" + freeze + "\"");
        assertThat(fx.registry.operation(fx.user("registry.operator"), freeze).status()).isEqualTo(Operation.Status.PENDING_APPROVAL);

        // the checker: sees it with approve and reject; a rejection needs a reason
        String queue = html(mvc.perform(get("/registry/operations").session(checker)).andExpect(status().isOk()).andReturn());
        assertThat(rowOf(queue, freeze)).contains("approve-form", "reject-form", "司法冻结", h.number());
        assertThat(html(mvc.perform(post("/registry/operations/" + freeze + "/reject").session(checker).with(csrf()).param("reason", " "))
                .andExpect(status().isOk()).andReturn())).contains("请填写原因");
        MvcResult approved = mvc.perform(post("/registry/operations/" + freeze + "/approve").session(checker).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/registry/operations?done=" + freeze)).andReturn();
        assertThat(follow(approved, checker)).contains("已审批通过：司法冻结");
        // a second click on approve shows the same outcome
        mvc.perform(post("/registry/operations/" + freeze + "/approve").session(checker).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/registry/operations?done=" + freeze + "&replayed=true"));

        assertThat(fx.balance(h.account(), V2023, HoldingState.FROZEN)).isEqualTo(500);
        assertThat(fx.balance(h.account(), V2023, HoldingState.RESERVED)).isZero();
        String frozen = html(mvc.perform(get(path).session(operator)).andExpect(status().isOk()).andReturn());
        assertThat(frozen).contains("<td class=\"num frozen\">500</td>", "<td class=\"num available\">300</td>", "已审批");
        String detail = html(mvc.perform(get("/registry/operations/" + freeze).session(checker)).andExpect(status().isOk()).andReturn());
        assertThat(detail).contains("司法冻结", "已审批", "(2026)浙0206执保12号", "预留待审批", "审批后记账", "id=\"decision\"")
                .doesNotContain("id=\"approve\"");

        // frozen allowances cannot be pledged: the pledge of more than what is still available says why
        assertThat(refused(operator, path + "/pledge", "vintage", "2023", "quantity", "400", "pledgee", "中国工商银行宁波分行", "contract", "ZY-2026-001"))
                .contains("id=\"errors-pledge\"", "已冻结的配额不能质押");
        assertThat(fx.balance(h.account(), V2023, HoldingState.PLEDGED)).isZero();
        assertThat(fx.balance(h.account(), V2023, HoldingState.RESERVED)).isZero();
    }

    @Test
    void statusChangesAreApprovedByASecondOperatorAndNamedInChinese() throws Exception {
        RegistryFixtures.Holder h = fx.funded(REGION, V2023, 10);
        MockHttpSession operator = Demo.login(mvc, "registry.operator");
        String path = "/registry/accounts/" + h.number();
        assertThat(refused(operator, path + "/status", "status", "", "reason", "x")).contains("id=\"errors-status\"", "请选择账户状态");
        MvcResult submitted = submit(operator, path + "/status", "status", "RESTRICTED", "reason", "涉嫌违规交易，限制转出");
        UUID change = operationOf(submitted);
        mvc.perform(post("/registry/operations/" + change + "/approve").session(Demo.login(mvc, "registry.checker")).with(csrf()).param("back", "detail"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/registry/operations/" + change + "?done=" + change));
        String page = html(mvc.perform(get(path).session(operator)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("data-status=\"RESTRICTED\"", ">限制<");
        // the same status again: refused with the status in words
        assertThat(refused(operator, path + "/status", "status", "RESTRICTED", "reason", "再次限制")).contains("账户已是 限制 状态");
    }

    @Test
    void theAuthoritiesSeeWeeklyNetPurchases() throws Exception {
        Login seller = holder(1_000);
        Login buyer = holder(0);
        fx.registry.moveHolding(seller.officer(), RegistryFixtures.id(), seller.number(), V2023, 600, true);
        fx.trades.settle(fx.user("exchange"), "page-test-" + UUID.randomUUID(), seller.number(), buyer.number(), V2023, 250, 8_500L, Instant.now());

        String page = html(mvc.perform(get("/registry/net-purchases").session(Demo.login(mvc, "zj.officer"))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("配额净购入量", "data-account=\"" + seller.number() + "\"", "data-account=\"" + buyer.number() + "\"",
                seller.account().holderName(), buyer.account().holderName(), "<td class=\"num net\">-250</td>", "<td class=\"num net\">250</td>");
        assertThat(html(mvc.perform(get("/registry/net-purchases").session(Demo.login(mvc, "exchange"))).andExpect(status().isOk()).andReturn()))
                .contains("data-account=\"" + buyer.number() + "\"");
        mvc.perform(get("/registry/net-purchases").session(Demo.login(mvc, "beilun.power"))).andExpect(status().isForbidden());

        // the buyer's statement: the trade, its counterparty not named
        String statement = html(mvc.perform(get("/registry/accounts/" + buyer.number()).session(Demo.login(mvc, buyer.username())))
                .andExpect(status().isOk()).andReturn());
        assertThat(statement).contains("交易结算", "交易所撮合成交", "+250").doesNotContain(seller.number());
    }

    @Test
    void everyMessageTheRegistryPagesUseExistsInChineseAndEnglish() throws IOException {
        MessageBundles.assertBothLanguages("messages/registry-pages");
        MessageBundles.assertCodesExist("registry", "registry", "denied.registry");
        Properties zh = MessageBundles.bundle("messages/registry-pages.properties");
        Pattern prefixed = Pattern.compile("'(registry\\.[a-zA-Z.]+\\.)' \\+");
        for (String html : MessageBundles.assertTemplateKeysExist("registry")) {
            Matcher p = prefixed.matcher(html);
            while (p.find()) {
                String prefix = p.group(1);
                assertThat(zh.stringPropertyNames()).as("labels %s*", prefix).anyMatch(k -> k.startsWith(prefix));
            }
        }
        for (Enum<?>[] values : List.<Enum<?>[]>of(OperationKind.values(), HoldingState.values(), AccountKind.values())) {
            for (Enum<?> v : values) {
                String prefix = v instanceof OperationKind ? "registry.kind." : v instanceof HoldingState ? "registry.state." : "registry.accountKind.";
                assertThat(zh).containsKey(prefix + v.name());
            }
        }
        for (AccountStatus s : AccountStatus.values()) {
            assertThat(zh).containsKey("registry.accountStatus." + s.name());
        }
        for (Operation.Status s : Operation.Status.values()) {
            assertThat(zh).containsKey("registry.opStatus." + s.name());
        }
        for (LedgerEntry.Phase p : LedgerEntry.Phase.values()) {
            assertThat(zh).containsKey("registry.phase." + p.name());
        }
    }

    // ---- helpers

    /** Posts a form with a fresh request id; it must succeed (redirect back to the account). */
    private MvcResult submit(MockHttpSession session, String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(path).session(session).with(csrf()).param("id", RegistryFixtures.id());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as("%s: %s", path, result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        return result;
    }

    /** Posts a form that must be refused: the page comes back (200) with the form's errors. */
    private String refused(MockHttpSession session, String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(path).session(session).with(csrf()).param("id", RegistryFixtures.id());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return html(mvc.perform(request).andExpect(status().isOk()).andReturn());
    }

    private static String fmt(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** The operation a form made, from where it sends the browser next. */
    private static UUID operationOf(MvcResult result) {
        Matcher m = Pattern.compile("[?&]done=([0-9a-f-]{36})").matcher(String.valueOf(result.getResponse().getRedirectedUrl()));
        assertThat(m.find()).as("redirect of %s", result.getResponse().getRedirectedUrl()).isTrue();
        return UUID.fromString(m.group(1));
    }

    /** The page a form's answer sends the browser to. */
    private String follow(MvcResult result, MockHttpSession session) throws Exception {
        return html(mvc.perform(get(result.getResponse().getRedirectedUrl()).session(session)).andExpect(status().isOk()).andReturn());
    }

    private static List<String> requestIds(String html) {
        Matcher m = Pattern.compile("name=\"id\" value=\"([0-9a-f-]{36})\"").matcher(html);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The table row of one operation. */
    private static String rowOf(String html, UUID operation) {
        int start = html.indexOf("data-id=\"" + operation + "\"");
        assertThat(start).as("row of %s", operation).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
