package org.opencets.ccer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.ccer.CcerFixtures.Holder;
import org.opencets.support.Demo;
import org.opencets.support.MessageBundles;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The CCER registry's pages: the operator's overview and forms, a holder taken to its own account with holdings by
 * project and state, the warning for a project inside the national ETS, the offset form sent twice acting once, bad
 * input told in Chinese next to the form with nothing changed, and another emitter's account not found.
 */
@IntegrationTest
class CcerPagesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    CcerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new CcerFixtures(context);
    }

    @Test
    void theOperatorRegistersAProjectOpensAnAccountAndIssuesFromItsPage() throws Exception {
        MockHttpSession operator = Demo.login(mvc, "ccer.registry");
        String page = html(mvc.perform(get("/ccer").session(operator)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("自愿减排注册登记系统", "id=\"project-form\"", "id=\"account-form\"", "id=\"issue-form\"", "id=\"firstPeriod-form\"",
                "id=\"nav-ccer\"");

        String number = "CCER-14-2018-" + (int) (Math.random() * 900_000 + 100_000);
        MvcResult registered = mvc.perform(post("/ccer/projects").session(operator).with(csrf()).param("projectNumber", number.toLowerCase())
                .param("name", "页面测试风电场").param("type", "风电").param("methodology", "CMS-002-V01").param("inNationalEts", "no"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/ccer")).andReturn();
        assertThat(String.valueOf(registered.getFlashMap().get("done"))).contains("项目 " + number + " 已登记");

        // the USCC of a key emitter in the directory is enough: name and region come from there
        String uscc = Demo.freshUscc("330206");
        String refused = html(mvc.perform(post("/ccer/accounts").session(operator).with(csrf()).param("uscc", uscc)).andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("id=\"errors-account\"", "请填写账户持有人名称", "请填写行政区划代码", "value=\"" + uscc + "\"");
        mvc.perform(post("/ccer/accounts").session(operator).with(csrf()).param("uscc", uscc).param("holderName", "页面开户测试单位").param("region", "330206"))
                .andExpect(status().is3xxRedirection());
        CcerAccount opened = fx.store.accountOf(org.opencets.shared.Uscc.of(uscc)).orElseThrow();

        String issued = html(mvc.perform(post("/ccer/issuances").session(operator).with(csrf()).param("id", CcerFixtures.id())
                .param("account", opened.id()).param("project", number).param("quantity", "1.5")).andExpect(status().isOk()).andReturn());
        assertThat(issued).contains("id=\"errors-issue\"", "CCER 以整吨计，1.5 不是整数");
        assertThat(fx.store.holdings(opened.id())).isEmpty();
        mvc.perform(post("/ccer/issuances").session(operator).with(csrf()).param("id", CcerFixtures.id()).param("account", opened.id())
                .param("project", number).param("quantity", "5,000")).andExpect(status().is3xxRedirection());
        assertThat(fx.store.balance(opened.id(), number, CcerHoldingState.AVAILABLE)).isEqualTo(5_000);

        // the demo emitter with no CCER account is told so; it cannot use the operator's forms
        MockHttpSession keqiao = Demo.login(mvc, "keqiao.dyeing.power");
        if (fx.registry.ownAccount(fx.user("keqiao.dyeing.power")).isEmpty()) {
            assertThat(html(mvc.perform(get("/ccer").session(keqiao)).andExpect(status().isOk()).andReturn())).contains("id=\"no-account\"")
                    .doesNotContain("id=\"project-form\"");
        }
        mvc.perform(post("/ccer/projects").session(keqiao).with(csrf()).param("projectNumber", "CCER-X-1").param("name", "n").param("type", "风电")
                .param("methodology", "m").param("inNationalEts", "no")).andExpect(status().isForbidden());
    }

    @Test
    void aHolderBindsAndOffersCcerAndADoubleClickFreezesOnce() throws Exception {
        CcerProject wind = fx.project("风电", false);
        CcerProject covered = fx.project("甲烷利用", true);
        Holder h = fx.holder();
        fx.issue(h, wind, 1_000);
        fx.issue(h, covered, 50);
        MockHttpSession session = Demo.login(mvc, h.username());
        String path = "/ccer/accounts/" + h.id();

        mvc.perform(get("/ccer").session(session)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        String page = html(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains(h.id(), h.account().holderName(), "未绑定", "id=\"offset-unbound\"", "id=\"ets-warning\"", covered.projectNumber(),
                "全国碳市场覆盖项目", "data-project=\"" + wind.projectNumber() + "\"", ">1,000<", "id=\"binding-form\"", "id=\"offset-form\"");

        // bad binding: told next to the form, nothing bound
        String badBinding = html(mvc.perform(post(path + "/binding").session(session).with(csrf()).param("etsAccount", "E123"))
                .andExpect(status().isOk()).andReturn());
        assertThat(badBinding).contains("id=\"errors-binding\"", "碳排放权注册登记账户 ID 为字母 E 加 10 位数字");
        assertThat(fx.store.account(h.id()).orElseThrow().bound()).isFalse();
        mvc.perform(post(path + "/binding").session(session).with(csrf()).param("etsAccount", h.etsAccount().toLowerCase())).andExpect(status().is3xxRedirection());
        assertThat(fx.store.account(h.id()).orElseThrow().boundEtsAccount()).isEqualTo(h.etsAccount());

        // bad offsets: more than available, not whole; nothing frozen
        String id = requestIds(html(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn())).getFirst();
        String tooMuch = html(mvc.perform(post(path + "/offsets").session(session).with(csrf()).param("id", id).param("project", wind.projectNumber())
                .param("quantity", "1001")).andExpect(status().isOk()).andReturn());
        assertThat(tooMuch).contains("id=\"errors-offset\"", "可用的 CCER 仅 1,000 tCO₂e", "value=\"1001\"");
        String fraction = html(mvc.perform(post(path + "/offsets").session(session).with(csrf()).param("id", id).param("project", wind.projectNumber())
                .param("quantity", "2.5")).andExpect(status().isOk()).andReturn());
        assertThat(fraction).contains("CCER 以整吨计，2.5 不是整数");
        assertThat(fx.balance(h, wind, CcerHoldingState.FROZEN_FOR_OFFSET)).isZero();

        // the same form twice: one lot, one message to the ETS registry; the second answer says so
        MvcResult first = mvc.perform(post(path + "/offsets").session(session).with(csrf()).param("id", id).param("project", wind.projectNumber())
                .param("quantity", "300")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path)).andReturn();
        MvcResult second = mvc.perform(post(path + "/offsets").session(session).with(csrf()).param("id", id).param("project", wind.projectNumber())
                .param("quantity", "300")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(String.valueOf(first.getFlashMap().get("done"))).contains("300", "已冻结", h.etsAccount());
        assertThat(first.getFlashMap().get("replayed")).isEqualTo(false);
        assertThat(second.getFlashMap().get("replayed")).isEqualTo(true);
        assertThat(fx.balance(h, wind, CcerHoldingState.FROZEN_FOR_OFFSET)).isEqualTo(300);
        assertThat(fx.sent.forAccount(h.id())).hasSize(1);

        // offering a project inside the national ETS is not refused here, but warned about
        MvcResult coveredOffer = mvc.perform(post(path + "/offsets").session(session).with(csrf()).param("id", CcerFixtures.id())
                .param("project", covered.projectNumber()).param("quantity", "50")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(String.valueOf(coveredOffer.getFlashMap().get("done"))).contains("属于全国碳市场覆盖范围");

        String after = html(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn());
        assertThat(after).contains("冻结中 300", "履约抵销冻结", "全国履约抵销冻结", h.etsAccount());
        String english = html(mvc.perform(get(path).session(session).param("lang", "en")).andExpect(status().isOk()).andReturn());
        assertThat(english).contains("National compliance offset", "Frozen 300", "Bound ETS registry account");
        mvc.perform(get(path).session(session).param("lang", "zh-CN")).andExpect(status().isOk());
    }

    @Test
    void aHolderAppliesAPeriod1CancellationFromItsPageOnce() throws Exception {
        CcerProject forest = fx.project("林业碳汇", false);
        Holder h = fx.holder();
        fx.bind(h);
        FirstPeriodCancellation c = fx.registry.recordFirstPeriodCancellation(fx.operator(), CcerFixtures.id(), h.id(), forest.projectNumber(), 700,
                java.time.LocalDate.of(2021, 12, 15)).value();
        MockHttpSession session = Demo.login(mvc, h.username());
        String path = "/ccer/accounts/" + h.id();
        String page = html(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("data-cancellation=\"" + c.id() + "\"", "申请用于 2021/2022 年度抵销", "2021-12-15", "可申请");

        String form = path + "/first-period/" + c.id();
        String id = CcerFixtures.id();
        mvc.perform(post(form).session(session).with(csrf()).param("id", id)).andExpect(status().is3xxRedirection());
        mvc.perform(post(form).session(session).with(csrf()).param("id", id)).andExpect(status().is3xxRedirection());
        String again = html(mvc.perform(post(form).session(session).with(csrf()).param("id", CcerFixtures.id())).andExpect(status().isOk()).andReturn());
        assertThat(again).contains("该注销记录已申请用于抵销");
        assertThat(fx.sent.forAccount(h.id())).singleElement().satisfies(r -> assertThat(r.firstPeriodCancelled()).isTrue());
    }

    @Test
    void anEmitterCannotOpenAnotherEmittersAccount() throws Exception {
        CcerProject wind = fx.project("风电", false);
        Holder mine = fx.holder();
        Holder theirs = fx.funded(wind, 100);
        MockHttpSession session = Demo.login(mvc, mine.username());

        mvc.perform(get("/ccer/accounts/" + theirs.id()).session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/ccer/accounts/" + theirs.id() + "/offsets").session(session).with(csrf()).param("id", CcerFixtures.id())
                .param("project", wind.projectNumber()).param("quantity", "10")).andExpect(status().isNotFound());
        assertThat(fx.balance(theirs, wind, CcerHoldingState.AVAILABLE)).isEqualTo(100);
        // the bureau of the region reads the account but has no holder's forms
        String bureau = html(mvc.perform(get("/ccer/accounts/" + theirs.id()).session(Demo.login(mvc, "zj.officer"))).andExpect(status().isOk()).andReturn());
        assertThat(bureau).contains(theirs.id()).doesNotContain("id=\"offset-form\"", "id=\"binding-form\"");
    }

    @Test
    void everyMessageKeyInTheTemplatesExistsInBothLanguages() throws Exception {
        MessageBundles.assertBothLanguages("messages/ccer");
        MessageBundles.assertTemplateKeysExist("ccer");
        MessageBundles.assertCodesExist("ccer", "ccer", "denied.ccer");
        Properties zh = MessageBundles.bundle("messages/ccer.properties");
        for (Enum<?>[] values : List.<Enum<?>[]>of(CcerHoldingState.values(), CcerMovement.Kind.values())) {
            for (Enum<?> v : values) {
                String prefix = v instanceof CcerHoldingState ? "ccer.state." : "ccer.movement.";
                assertThat(zh.stringPropertyNames()).contains(prefix + v.name());
            }
        }
    }

    private static List<String> requestIds(String html) {
        Matcher m = Pattern.compile("name=\"id\" value=\"([0-9a-f-]{36})\"").matcher(html);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
