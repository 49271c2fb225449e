package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.allocation.BorrowingFixtures.FIFTEEN_PERCENT;
import static org.opencets.allocation.BorrowingFixtures.YEAR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.BorrowingFixtures.Plant;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The borrowing and relief pages: the emitter sees its gap and limit, a refused request comes back in Chinese (or
 * English) with what was typed, a good one goes to the province, which approves it on its list; relief plans likewise
 * with a document.
 *
 * <p>Data ownership: fresh power plants in 330683 with test-made logins; the demo login zj.officer.
 */
@IntegrationTest
class BorrowingPagesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Borrowings borrowings;
    @Autowired
    ReliefPlans reliefPlans;

    BorrowingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new BorrowingFixtures(context);
    }

    @Test
    void theEmitterRequestsOnItsPageAndTheProvinceApprovesOnItsList() throws Exception {
        Plant plant = fx.plant("嵊州预支网页测试热电有限公司");
        fx.finalised(plant, YEAR, FIFTEEN_PERCENT);
        MockHttpSession emitter = Demo.login(mvc, fx.login(plant));
        MockHttpSession province = Demo.login(mvc, "zj.officer");
        String path = "/allocation/" + YEAR + "/borrowing";

        String page = html(mvc.perform(get(path).session(emitter)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("id=\"gap\"", ">14621<", ">15 %<", ">7310<", "2030-06-28", "id=\"request-form\"");

        // above the limit: the page comes back with the Chinese message and what was typed; nothing stored
        String refused = html(mvc.perform(post(path).session(emitter).with(csrf()).param("quantity", "8000").param("reason", "燃料成本上涨，资金紧张"))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("预支量不得超过可预支上限 7310 吨", "value=\"8000\"", "燃料成本上涨，资金紧张");
        // not a number, in English
        String english = html(mvc.perform(post(path).session(emitter).with(csrf()).param("lang", "en").param("quantity", "八千").param("reason", "x"))
                .andExpect(status().isOk()).andReturn());
        assertThat(english).contains("Give the quantity in whole tonnes.", "value=\"八千\"");
        assertThat(fx.borrowingRows(plant)).isZero();

        // within the limit: redirected, listed as awaiting a decision
        mvc.perform(post(path).session(emitter).with(csrf()).param("lang", "zh-CN").param("quantity", "7000").param("reason", "燃料成本上涨"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        Borrowing b = borrowings.of(fx.province(), plant.uscc(), YEAR).getFirst();
        assertThat(html(mvc.perform(get(path).session(emitter)).andExpect(status().isOk()).andReturn()))
                .contains("待审核", "已有一笔待审核或已批准的预支申请").doesNotContain("id=\"request-form\"");

        // the province: the request on its list; a refused approval keeps the typed quantity
        String list = html(mvc.perform(get(path).session(province)).andExpect(status().isOk()).andReturn());
        assertThat(list).contains(plant.emitter().name(), "data-id=\"" + b.id() + "\"", "approve-form");
        String tooMuch = html(mvc.perform(post(path + "/" + b.id() + "/approve").session(province).with(csrf())
                .param("version", String.valueOf(b.version())).param("quantity", "7100").param("note", "拟同意"))
                .andExpect(status().isOk()).andReturn());
        assertThat(tooMuch).contains("批准量不得超过申请量 7000 吨", "value=\"7100\"", "value=\"拟同意\"");
        String noReason = html(mvc.perform(post(path + "/" + b.id() + "/reject").session(province).with(csrf())
                .param("version", String.valueOf(b.version())).param("note", ""))
                .andExpect(status().isOk()).andReturn());
        assertThat(noReason).contains("驳回须填写理由");
        mvc.perform(post(path + "/" + b.id() + "/approve").session(province).with(csrf())
                        .param("version", String.valueOf(b.version())).param("quantity", "6500").param("note", "同意预支"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        assertThat(borrowings.get(fx.province(), b.id()).approved()).isEqualTo(6500L);
        assertThat(fx.instructionsOf(b.id())).isOne();
        // the emitter cannot decide at all
        mvc.perform(post(path + "/" + b.id() + "/approve").session(emitter).with(csrf())
                .param("version", "1").param("quantity", "7000")).andExpect(status().isForbidden());
        assertThat(html(mvc.perform(get(path).session(emitter)).andExpect(status().isOk()).andReturn())).contains("已批准", "同意预支");
    }

    @Test
    void theEmitterAppliesForReliefWithADocumentAndTheProvinceDecides() throws Exception {
        Plant plant = fx.plant("嵊州纾困网页测试供热有限公司");
        MockHttpSession emitter = Demo.login(mvc, fx.login(plant));
        MockHttpSession province = Demo.login(mvc, "zj.officer");
        String path = "/allocation/" + YEAR + "/relief";
        MockMultipartFile doc = new MockMultipartFile("documents", "供热证明.pdf", "application/pdf", BorrowingFixtures.pdf("供热证明"));

        assertThat(html(mvc.perform(get(path).session(emitter)).andExpect(status().isOk()).andReturn())).contains("id=\"relief-form\"", "2030-06-28");
        String refused = html(mvc.perform(multipart(path).file(doc).session(emitter).with(csrf())
                .param("duties", "承担城区集中供热").param("difficulty", "").param("measures", "申请延期清缴"))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("请填写履约困难情况。", "承担城区集中供热", "申请延期清缴");
        assertThat(fx.reliefRows(plant)).isZero();

        mvc.perform(multipart(path).file(doc).session(emitter).with(csrf())
                        .param("duties", "承担城区集中供热").param("difficulty", "煤价上涨，无法足额清缴").param("measures", "申请延期清缴"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        ReliefPlan p = reliefPlans.of(fx.province(), plant.uscc(), YEAR).getFirst();
        assertThat(p.documents()).extracting(ReliefPlan.Document::fileName).containsExactly("供热证明.pdf");
        String docPath = path + "/" + p.id() + "/documents/" + p.documents().getFirst().uploadId();
        byte[] body = mvc.perform(get(docPath).session(province)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(BorrowingFixtures.pdf("供热证明"));

        String list = html(mvc.perform(get(path).session(province)).andExpect(status().isOk()).andReturn());
        assertThat(list).contains(plant.emitter().name(), "供热证明.pdf", "decide-form");
        assertThat(html(mvc.perform(post(path + "/" + p.id() + "/approve").session(province).with(csrf())
                .param("version", String.valueOf(p.version())).param("note", "")).andExpect(status().isOk()).andReturn())).contains("请填写审核意见。");
        mvc.perform(post(path + "/" + p.id() + "/reject").session(province).with(csrf())
                        .param("version", String.valueOf(p.version())).param("note", "不属于重大民生保障任务"))
                .andExpect(status().is3xxRedirection());
        assertThat(reliefPlans.get(fx.province(), p.id()).status()).isEqualTo(ReliefPlan.Status.REJECTED);
        assertThat(html(mvc.perform(get(path).session(emitter)).andExpect(status().isOk()).andReturn()))
                .contains("已驳回", "不属于重大民生保障任务", "id=\"relief-form\"");
    }

    private static String html(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
