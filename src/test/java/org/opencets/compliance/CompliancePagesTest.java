package org.opencets.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Accounts;
import org.opencets.registry.Holding;
import org.opencets.registry.HoldingState;
import org.opencets.registry.PendingOffset;
import org.opencets.registry.PendingOffsets;
import org.opencets.registry.Registry;
import org.opencets.shared.Vintage;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The compliance pages (seed 001 CCER offset procedure; seed 003 §二 5 % cap, §五 certificate): an emitter's year with
 * its obligation, holdings, pending CCER, cap and proposal; the live check; refusals shown in Chinese with nothing
 * recorded; the province's review (reject listing every deficiency at once, approve); amendment; the PDFs; the
 * dashboard and forced compliance.
 *
 * <p>Data ownership: every emitter here is made fresh in 330206 (北仑) by {@link CompliancePageFixtures} for 2024; the
 * demo emitters are only read. The test clock is the real date, after the 2024 deadline (2025-12-31): 2024 requests
 * are late (逾期履约) and an emitter that has not surrendered shows 未履约.
 */
@IntegrationTest
class CompliancePagesTest {

    static final String REGION = "330206";
    static final int YEAR = 2024;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Compliance compliance;
    @Autowired
    Registry registry;
    @Autowired
    PendingOffsets offsets;
    @Autowired
    Accounts people;

    CompliancePageFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new CompliancePageFixtures(context);
    }

    static String project() {
        return "CCER-14-V01-2024-" + (1000 + ThreadLocalRandom.current().nextInt(9000));
    }

    /** Obligation 100,000 t (cap 5 % = 5,000 t); 96,000 t of 2024 allowances; an eligible lot of 8,000 t and an ineligible one of 1,000 t. */
    record Plant(CompliancePageFixtures.Emitter e, UUID lot, String project, UUID badLot, String badProject, MockHttpSession session) {
    }

    Plant plant() throws Exception {
        CompliancePageFixtures.Emitter e = fx.emitter(REGION, "履约页面测试电厂", YEAR, 100_000, Map.of("2024", 96_000L));
        String project = project();
        String badProject = project();
        UUID lot = fx.pendingLot(e, project, "浙江某海上风电项目", "海上风电", false, 8_000);
        UUID bad = fx.pendingLot(e, badProject, "某燃煤电厂节能改造项目", "节能改造", true, 1_000);
        return new Plant(e, lot, project, bad, badProject, Demo.login(mvc, e.username()));
    }

    @Test
    void theEmitterSeesItsObligationStatusHoldingsPendingCcerCapAndProposal() throws Exception {
        Plant p = plant();
        mvc.perform(get("/compliance").session(p.session())).andExpect(redirectedUrl("/compliance/" + YEAR));
        String page = html(mvc.perform(get("/compliance/" + YEAR).session(p.session())).andExpect(status().isOk()).andReturn());

        assertThat(page).contains("2024 年度配额清缴", p.e().name(), p.e().uscc().value(), p.e().account(), "100,000 吨", "id=\"nav-compliance\"");
        // nothing surrendered and the 2024 deadline (2025-12-31) has passed
        assertThat(page).contains("data-status=\"NOT_COMPLIED\"", "未履约", "2025-12-31", "已过截止日，可申请逾期履约，经省级生态环境主管部门确认");
        assertThat(page).contains("data-vintage=\"2024\"", "96,000");
        // the pending lots: project number, name, type, pending quantity; the one from a national-ETS project is marked
        assertThat(page).contains(p.project(), "浙江某海上风电项目", "海上风电", "8,000", p.badProject(), "不符合抵销条件（全国碳市场覆盖项目）");
        // 5 % of 100,000 t
        assertThat(page).contains("CCER 抵销上限为应清缴配额量的 5%：最多 5,000 吨，尚可抵销 5,000 吨");
        // the proposal: the eligible CCER up to the cap, then 95,000 t of 2024; nothing left to buy
        assertThat(page).contains("id=\"proposal\"", "data-field=\"offset." + p.lot() + "\" data-quantity=\"5000\"",
                "data-field=\"allowance.2024\" data-quantity=\"95000\"", "id=\"fill-proposal\"").doesNotContain("id=\"to-buy\"");
        assertThat(page).doesNotContain("data-quantity=\"1000\"");
        // the request form: one input per vintage and lot, a fresh id, the live check
        assertThat(page).contains("id=\"request-form\"", "name=\"allowance.2024\"", "name=\"offset." + p.lot() + "\"", "name=\"offset." + p.badLot() + "\"",
                "name=\"contactName\"", "hx-post=\"/compliance/2024/check\"", "hx-trigger=\"input changed delay:300ms, fill\"");
        String id1 = hidden(page, "id");
        String id2 = hidden(html(mvc.perform(get("/compliance/" + YEAR).session(p.session())).andReturn()), "id");
        assertThat(UUID.fromString(id1)).isNotEqualTo(UUID.fromString(id2));
    }

    @Test
    void aSmallHoldingLeavesSomethingToBuyAndEnglishSaysSo() throws Exception {
        CompliancePageFixtures.Emitter e = fx.emitter(REGION, "履约页面测试热电", YEAR, 50_000, Map.of("2024", 40_000L));
        String page = html(mvc.perform(get("/compliance/" + YEAR).param("lang", "en").session(Demo.login(mvc, e.username())))
                .andExpect(status().isOk()).andReturn());
        // no CCER: 40,000 t of allowances, 10,000 t still to buy
        assertThat(page).contains("Surrender for 2024", "Still to buy", "10,000 t", "Not complied", "No CCER pending offset");
    }

    @Test
    void theLiveCheckShowsTheOffsetRatioAndEveryViolationInChinese() throws Exception {
        Plant p = plant();
        String fragment = html(mvc.perform(post("/compliance/" + YEAR + "/check").session(p.session()).with(csrf())
                .param("allowance.2024", "90000").param("offset." + p.lot(), "6000").param("offset." + p.badLot(), "500"))
                .andExpect(status().isOk()).andReturn());
        assertThat(fragment).doesNotContain("<html").contains("class=\"offset-total\">6,500<", "6.50%");
        assertThat(fragment).contains("data-key=\"compliance.offset.cap\"", "CCER 抵销比例不得超过应清缴配额量的 5%", "最多 5,000 吨", "本次申请 6,500 吨");
        assertThat(fragment).contains("data-key=\"compliance.ccer.ineligible\"", p.badProject(), "其 CCER 不得用于抵销配额清缴");
        assertThat(fragment).doesNotContain("符合清缴规则");

        String ok = html(mvc.perform(post("/compliance/" + YEAR + "/check").session(p.session()).with(csrf())
                .param("allowance.2024", "95000").param("offset." + p.lot(), "5000")).andExpect(status().isOk()).andReturn());
        assertThat(ok).contains("5.00%", "符合清缴规则").doesNotContain("data-key=");

        String typo = html(mvc.perform(post("/compliance/" + YEAR + "/check").session(p.session()).with(csrf())
                .param("allowance.2024", "1.5")).andExpect(status().isOk()).andReturn());
        assertThat(typo).contains("data-field=\"allowance.2024\"");
    }

    @Test
    void anOffsetAboveTheCapIsRefusedOnThePageAndNothingIsReservedOrRecorded() throws Exception {
        Plant p = plant();
        String page = html(submit(p, "94000", "6000", UUID.randomUUID()).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("id=\"errors-submit\"", "data-key=\"compliance.offset.cap\"", "CCER 抵销比例不得超过应清缴配额量的 5%");
        // kept as typed
        assertThat(page).contains("name=\"offset." + p.lot() + "\"", "value=\"6000\"", "value=\"94000\"");
        CurrentUser user = user(p.e().username());
        assertThat(compliance.emitterYear(user, p.e().uscc().value(), YEAR).requests()).isEmpty();
        assertThat(offsets.lot(p.lot()).map(PendingOffset::remaining)).hasValue(8_000L);
        assertThat(available(user, p.e().account())).isEqualTo(96_000);
    }

    @Test
    void submitRejectWithEveryDeficiencyAmendApproveAndTheCertificate() throws Exception {
        Plant p = plant();
        UUID id = UUID.randomUUID();
        submit(p, "96000", "4000", id).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/compliance/" + YEAR));
        // a double click: the same id, nothing twice
        MvcResult again = submit(p, "96000", "4000", id).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(String.valueOf(again.getFlashMap().get("done"))).contains("此前已提交");
        SurrenderRequest r = compliance.request(user(p.e().username()), id);
        assertThat(compliance.emitterYear(user(p.e().username()), p.e().uscc().value(), YEAR).requests()).hasSize(1);

        String mine = html(mvc.perform(get("/compliance/" + YEAR).session(p.session())).andReturn());
        assertThat(mine).contains("data-id=\"" + id + "\"", r.number(), "待审核", "逾期", "/compliance/requests/" + id + "/form?revision=1")
                .doesNotContain("id=\"request-form\"");

        MvcResult pdf = mvc.perform(get("/compliance/requests/" + id + "/form").param("revision", "1").session(p.session()))
                .andExpect(status().isOk()).andReturn();
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains(r.number());
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        // the province: the list, the review page
        MockHttpSession officer = Demo.login(mvc, "zj.officer");
        assertThat(html(mvc.perform(get("/compliance/requests").session(officer)).andExpect(status().isOk()).andReturn()))
                .contains("data-id=\"" + id + "\"", r.number(), p.e().name(), "逾期履约申请");
        String review = html(mvc.perform(get("/compliance/requests/" + id).session(officer)).andExpect(status().isOk()).andReturn());
        assertThat(review).contains(p.e().name(), p.e().uscc().value(), p.e().account(), "100,000 吨", "4,000 吨", "占应清缴配额量 4.00%", p.project(),
                "浙江某海上风电项目", "海上风电", "符合抵销条件", "96,000", "逾期履约申请", "id=\"form-pdf\"", "id=\"approve\"", "id=\"reject\"",
                "应清缴配额量填写有误", "申请抵销量超过应清缴配额量的5%", "CCER项目不符合抵销条件（属于全国碳市场覆盖项目）", "申请表信息不完整或与系统不一致", "联系人信息有误")
                .doesNotContain("id=\"over-cap\"");

        // a rejection listing nothing is refused, and nothing changes
        String refused = html(mvc.perform(post("/compliance/requests/" + id + "/reject").session(officer).with(csrf()).param("version",
                Integer.toString(r.version()))).andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("id=\"errors-reject\"", "请一次性列明所有不符合的事项（至少一项）");
        assertThat(compliance.request(user("zj.officer"), id).status()).isEqualTo(SurrenderRequest.Status.SUBMITTED);

        // two deficiencies at once: a ticked one and a written one
        mvc.perform(post("/compliance/requests/" + id + "/reject").session(officer).with(csrf()).param("version", Integer.toString(r.version()))
                .param("deficiency", "contact").param("other", "申请表未加盖公章")).andExpect(redirectedUrl("/compliance/requests/" + id));
        SurrenderRequest rejected = compliance.request(user("zj.officer"), id);
        assertThat(rejected.status()).isEqualTo(SurrenderRequest.Status.REJECTED);
        assertThat(rejected.current().deficiencies()).containsExactly("联系人信息有误", "申请表未加盖公章");
        assertThat(offsets.lot(p.lot()).map(PendingOffset::remaining)).as("released").hasValue(8_000L);

        // the emitter sees both and an amendment form pre-filled with what it asked
        mine = html(mvc.perform(get("/compliance/" + YEAR).session(p.session())).andReturn());
        assertThat(mine).contains("审核未通过", "联系人信息有误", "申请表未加盖公章", "id=\"amend-" + id + "\"",
                "name=\"version\" value=\"" + rejected.version() + "\"", "value=\"4000\"", "value=\"96000\"");

        // an amendment with a stale version changes nothing
        String stale = html(amend(p, id, rejected.version() - 1, "95000", "5000").andExpect(status().isOk()).andReturn());
        assertThat(stale).contains("id=\"errors-amend-" + id + "\"");
        assertThat(compliance.request(user("zj.officer"), id).revision()).isEqualTo(1);

        amend(p, id, rejected.version(), "95000", "5000").andExpect(redirectedUrl("/compliance/" + YEAR));
        SurrenderRequest amended = compliance.request(user("zj.officer"), id);
        assertThat(amended.status()).isEqualTo(SurrenderRequest.Status.SUBMITTED);
        assertThat(amended.revision()).isEqualTo(2);

        // approval with the version read before the amendment is refused; with the current one it registers the surrender
        String conflict = html(mvc.perform(post("/compliance/requests/" + id + "/approve").session(officer).with(csrf())
                .param("version", Integer.toString(rejected.version()))).andExpect(status().isOk()).andReturn());
        assertThat(conflict).contains("id=\"errors-approve\"", "此申请已被他人更改");
        MvcResult approved = mvc.perform(post("/compliance/requests/" + id + "/approve").session(officer).with(csrf())
                .param("version", Integer.toString(amended.version()))).andExpect(redirectedUrl("/compliance/requests/" + id)).andReturn();
        assertThat(String.valueOf(approved.getFlashMap().get("done"))).contains("已审核通过");
        assertThat(compliance.request(user("zj.officer"), id).status()).isEqualTo(SurrenderRequest.Status.APPROVED);
        assertThat(html(mvc.perform(get("/compliance/requests/" + id).session(officer)).andReturn())).doesNotContain("id=\"approve\"");

        mine = html(mvc.perform(get("/compliance/" + YEAR).session(p.session())).andReturn());
        assertThat(mine).contains("data-status=\"LATE\"", "逾期履约", "审核通过", "id=\"certificate-pdf\"", "href=\"/compliance/2024/certificate\"");
        assertThat(offsets.lot(p.lot()).map(PendingOffset::remaining)).hasValue(3_000L);
        MvcResult certificate = mvc.perform(get("/compliance/" + YEAR + "/certificate").session(p.session())).andExpect(status().isOk()).andReturn();
        assertThat(certificate.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(certificate.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains("LYZM-2024-");
        // the province downloads it too, naming the emitter
        mvc.perform(get("/compliance/" + YEAR + "/certificate").param("emitter", p.e().uscc().value()).session(officer)).andExpect(status().isOk());

        // the dashboard of the province lists it as complied late, with its certificate
        String dashboard = html(mvc.perform(get("/compliance/dashboard").param("year", "2024").session(officer)).andExpect(status().isOk()).andReturn());
        assertThat(dashboard).contains("2024 年度履约情况", "当前履约率", "阶段目标", "最终目标", "按时履约", "逾期履约", "未履约",
                "data-uscc=\"" + p.e().uscc().value() + "\" data-status=\"LATE\"",
                "/compliance/2024/certificate?emitter=" + p.e().uscc().value());
    }

    @Test
    void bureausReadTheEmitterPageButOnlyTheEmitterRequestsAndOnlyTheProvinceReviews() throws Exception {
        Plant p = plant();
        String district = html(mvc.perform(get("/compliance/" + YEAR + "/emitters/" + p.e().uscc().value()).session(Demo.login(mvc, "beilun.district")))
                .andExpect(status().isOk()).andReturn());
        assertThat(district).contains(p.e().name(), "id=\"read-only\"", "100,000 吨").doesNotContain("id=\"request-form\"", "id=\"fill-proposal\"");
        mvc.perform(get("/compliance").session(Demo.login(mvc, "beilun.district"))).andExpect(redirectedUrl("/compliance/dashboard"));
        mvc.perform(get("/compliance").session(Demo.login(mvc, "registry.operator"))).andExpect(redirectedUrl("/compliance/forced"));
        // another emitter does not see it; an emitter does not review
        MockHttpSession beilun = Demo.login(mvc, "beilun.power");
        mvc.perform(get("/compliance/" + YEAR + "/emitters/" + p.e().uscc().value()).session(beilun)).andExpect(status().isNotFound());
        mvc.perform(get("/compliance/requests").session(beilun)).andExpect(status().isForbidden());
        mvc.perform(post("/compliance/" + YEAR + "/requests").session(Demo.login(mvc, "zj.officer")).with(csrf()).param("id", UUID.randomUUID().toString())
                .param("allowance.2024", "1")).andExpect(status().isForbidden());

        UUID id = UUID.randomUUID();
        submit(p, "95000", "5000", id).andExpect(status().is3xxRedirection());
        int version = compliance.request(user(p.e().username()), id).version();
        // a city bureau reads the review page but has no buttons, and a crafted approval is refused
        MockHttpSession city = Demo.login(mvc, "nb.city");
        assertThat(html(mvc.perform(get("/compliance/requests/" + id).session(city)).andExpect(status().isOk()).andReturn()))
                .contains(p.e().name()).doesNotContain("id=\"approve\"");
        mvc.perform(post("/compliance/requests/" + id + "/approve").session(city).with(csrf()).param("version", Integer.toString(version)))
                .andExpect(status().isForbidden());
        assertThat(compliance.request(user(p.e().username()), id).status()).isEqualTo(SurrenderRequest.Status.SUBMITTED);
    }

    @Test
    void forcedComplianceIsEntrustedByTheProvinceAndExecutedByTheRegistryOperator() throws Exception {
        // obligation 1,000 t; the provincial account holds 1,200 t of 2024 for it: 1,000 t surrendered, 200 t released
        CompliancePageFixtures.Emitter e = fx.forcedEntity(REGION, "强制履约测试电厂", YEAR, 1_000, Map.of("2024", 1_200L));
        String uscc = e.uscc().value();
        MockHttpSession officer = Demo.login(mvc, "zj.officer");
        String page = html(mvc.perform(get("/compliance/forced").param("year", "2024").session(officer)).andExpect(status().isOk()).andReturn());
        String card = card(page, uscc);
        assertThat(card).contains(e.name(), "应清缴配额量：1,000 吨", "2024 年度 1,000 吨", "2024 年度 200 吨", "待委托", "委托注登机构强制履约")
                .doesNotContain("执行强制履约");

        mvc.perform(post("/compliance/forced/2024/" + uscc + "/entrust").session(officer).with(csrf())).andExpect(redirectedUrl("/compliance/forced?year=2024"));
        card = card(html(mvc.perform(get("/compliance/forced").param("year", "2024").session(officer)).andReturn()), uscc);
        assertThat(card).contains("已委托，待执行", "委托：杜志刚").doesNotContain("entrust-form");
        // twice: refused on the page
        String twice = html(mvc.perform(post("/compliance/forced/2024/" + uscc + "/entrust").session(officer).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(twice).contains("data-key=\"compliance.forced.entrusted\"");

        MockHttpSession operator = Demo.login(mvc, "registry.operator");
        String forOperator = card(html(mvc.perform(get("/compliance/forced").param("year", "2024").session(operator)).andExpect(status().isOk()).andReturn()), uscc);
        assertThat(forOperator).contains("执行强制履约").doesNotContain("entrust-form");
        String caseId = forOperator.replaceAll("(?s).*/compliance/forced/cases/([0-9a-f-]{36})/execute.*", "$1");
        mvc.perform(post("/compliance/forced/cases/" + caseId + "/execute").session(operator).with(csrf())).andExpect(redirectedUrl("/compliance/forced?year=2024"));
        card = card(html(mvc.perform(get("/compliance/forced").param("year", "2024").session(operator)).andReturn()), uscc);
        assertThat(card).contains("已执行", "执行：胡国平").doesNotContain("execute-form");
        assertThat(html(mvc.perform(get("/compliance/dashboard").param("year", "2024").session(officer)).andReturn()))
                .contains("data-uscc=\"" + uscc + "\" data-status=\"LATE\"");
    }

    // ---- helpers

    private org.springframework.test.web.servlet.ResultActions submit(Plant p, String allowances, String offset, UUID id) throws Exception {
        return mvc.perform(withContact(post("/compliance/" + YEAR + "/requests").session(p.session()).with(csrf()).param("id", id.toString())
                .param("allowance.2024", allowances).param("offset." + p.lot(), offset).param("offset." + p.badLot(), "")));
    }

    private org.springframework.test.web.servlet.ResultActions amend(Plant p, UUID id, int version, String allowances, String offset) throws Exception {
        return mvc.perform(withContact(post("/compliance/requests/" + id + "/amend").session(p.session()).with(csrf()).param("version", Integer.toString(version))
                .param("allowance.2024", allowances).param("offset." + p.lot(), offset)));
    }

    private static MockHttpServletRequestBuilder withContact(MockHttpServletRequestBuilder b) {
        return b.param("contactName", "张三").param("contactPhone", "0574-86801234").param("contactEmail", "zhangsan@example.com");
    }

    private long available(CurrentUser user, String account) {
        return registry.holdings(user, account).stream().filter(h -> h.vintage().equals(Vintage.parse("2024")) && h.state() == HoldingState.AVAILABLE)
                .mapToLong(Holding::balance).sum();
    }

    private static String hidden(String page, String name) {
        var m = java.util.regex.Pattern.compile("type=\"hidden\" name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("hidden %s", name).isTrue();
        return m.group(1);
    }

    /** The forced-compliance card of one entity. */
    private static String card(String page, String uscc) {
        int start = page.indexOf("data-uscc=\"" + uscc + "\"");
        assertThat(start).as("card of %s", uscc).isPositive();
        int end = page.indexOf("class=\"card forced-case\"", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    static String html(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private CurrentUser user(String username) {
        return people.byUsername(username).orElseThrow();
    }
}
