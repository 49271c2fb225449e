package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.allocation.NoticeFixtures.Plant;
import org.opencets.inbox.Obligations;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The notice pages as their users meet them: the emitter's sign form (a nameless signature refused in Chinese), the
 * district's delivery and refusal forms (a refusal without witness refused in Chinese, a stale version the standard
 * conflict message, nothing changed), both PDFs, the year's list, and 404/403 for those who may not see or record.
 *
 * <p>Data ownership: power emitters registered here in 330683 with their own officer login; the demo logins
 * shengzhou.district, nb.city, ministry.viewer and beilun.power.
 */
@IntegrationTest
class NoticePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Obligations obligations;

    NoticeFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new NoticeFixtures(context);
    }

    @Test
    void theEmitterSignsOnThePageAfterANamelessSignatureIsRefusedInChinese() throws Exception {
        Plant p = fx.plant("嵊州通知页面签收测试热电有限公司");
        AllocationNotice n = p.finalNotice();
        String path = "/allocation/notices/" + n.id();
        MockHttpSession emitter = Demo.login(mvc, p.login());

        String page = html(mvc.perform(get(path).session(emitter)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains(n.number(), p.emitter().name(), "待签收", "id=\"sign-form\"", "notice.pdf", "receipt.pdf", NoticeFixtures.UNIT,
                String.valueOf(p.fin().allocationDue()), "补发").doesNotContain("id=\"refusal-form\"", "id=\"delivery-form\"");

        String refused = html(mvc.perform(post(path + "/acknowledge").session(emitter).with(csrf()).param("version", "0").param("signedBy", " "))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("请填写签收人姓名", "id=\"sign-form\"");
        assertThat(fx.reload(n)).isEqualTo(n);

        mvc.perform(post(path + "/acknowledge").session(emitter).with(csrf()).param("version", "0").param("signedBy", "通知测试经办人"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        assertThat(fx.reload(n).receipt().status()).isEqualTo(AllocationNotice.ReceiptStatus.ACKNOWLEDGED);
        assertThat(obligations.find(Notices.key(n.id())).orElseThrow().isOpen()).isFalse();
        String after = html(mvc.perform(get(path).session(emitter)).andExpect(status().isOk()).andReturn());
        assertThat(after).contains("已签收", "通知测试经办人").doesNotContain("id=\"sign-form\"");

        // signing again (an old page) is refused in Chinese
        String twice = html(mvc.perform(post(path + "/acknowledge").session(emitter).with(csrf()).param("version", "0").param("signedBy", "再签"))
                .andExpect(status().isOk()).andReturn());
        assertThat(twice).contains("送达回证已登记，不能重复登记");

        // both documents, and the year's list with this emitter's notices only
        MvcResult pdf = mvc.perform(get(path + "/notice.pdf").session(emitter)).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andReturn();
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        MvcResult receipt = mvc.perform(get(path + "/receipt.pdf").session(emitter)).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andReturn();
        if (Boolean.getBoolean("opencets.dumpPdfs")) {
            java.nio.file.Files.write(java.nio.file.Path.of("/tmp/notice-final.pdf"), pdf.getResponse().getContentAsByteArray());
            java.nio.file.Files.write(java.nio.file.Path.of("/tmp/notice-receipt.pdf"), receipt.getResponse().getContentAsByteArray());
        }
        String list = html(mvc.perform(get("/allocation/notices").param("year", "2023").session(emitter)).andExpect(status().isOk()).andReturn());
        assertThat(list).contains(p.preNotice().number(), n.number(), "/allocation/notices/" + n.id());
        assertThat(list.split("data-emitter=").length - 1).isEqualTo(2);

        // another emitter sees neither the page nor the documents nor the list entry
        MockHttpSession other = Demo.login(mvc, "beilun.power");
        mvc.perform(get(path).session(other)).andExpect(status().isNotFound());
        mvc.perform(get(path + "/notice.pdf").session(other)).andExpect(status().isNotFound());
        mvc.perform(get(path + "/receipt.pdf").session(other)).andExpect(status().isNotFound());
        assertThat(html(mvc.perform(get("/allocation/notices").param("year", "2023").session(other)).andExpect(status().isOk()).andReturn()))
                .doesNotContain(n.number());
    }

    @Test
    void theDistrictRecordsARefusalOnThePageOthersMayNot() throws Exception {
        Plant p = fx.plant("嵊州通知页面拒收测试热电有限公司");
        AllocationNotice n = p.preNotice();
        String path = "/allocation/notices/" + n.id();
        MockHttpSession district = Demo.login(mvc, "shengzhou.district");

        String page = html(mvc.perform(get(path).session(district)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains(n.number(), "id=\"delivery-form\"", "id=\"refusal-form\"", "875000", "70%").doesNotContain("id=\"sign-form\"");

        // without a witness: refused in Chinese, what was typed kept, nothing changed
        String refused = html(mvc.perform(post(path + "/refusal").session(district).with(csrf()).param("version", "0")
                .param("reason", "企业拒绝签收").param("witness", "").param("note", "")).andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("拒收须有见证人", "企业拒绝签收");
        assertThat(fx.reload(n)).isEqualTo(n);
        // a stale version: the standard conflict message, nothing changed
        String stale = html(mvc.perform(post(path + "/refusal").session(district).with(csrf()).param("version", "3")
                .param("reason", "企业拒绝签收").param("witness", "李某")).andExpect(status().isOk()).andReturn());
        assertThat(stale).contains("该记录已被他人修改");
        assertThat(fx.reload(n)).isEqualTo(n);
        // in English the refusal is in English
        String english = html(mvc.perform(post(path + "/delivery").session(district).with(csrf()).param("lang", "en").param("version", "0")
                .param("method", "直接送达").param("place", "企业办公室").param("agent", "王某")).andExpect(status().isOk()).andReturn());
        assertThat(english).contains("Say how the agent relates to the recipient");
        assertThat(fx.reload(n)).isEqualTo(n);

        // another city's bureau does not see the notice; the ministry sees it but may not record
        MockHttpSession ningbo = Demo.login(mvc, "nb.city");
        mvc.perform(get(path).session(ningbo)).andExpect(status().isNotFound());
        mvc.perform(post(path + "/refusal").session(ningbo).with(csrf()).param("version", "0").param("reason", "拒签").param("witness", "李某"))
                .andExpect(status().isNotFound());
        MockHttpSession ministry = Demo.login(mvc, "ministry.viewer");
        assertThat(html(mvc.perform(get(path).session(ministry)).andExpect(status().isOk()).andReturn())).doesNotContain("id=\"refusal-form\"");
        mvc.perform(post(path + "/refusal").session(ministry).with(csrf()).param("version", "0").param("reason", "拒签").param("witness", "李某"))
                .andExpect(status().isForbidden());
        assertThat(fx.reload(n)).isEqualTo(n);

        mvc.perform(post(path + "/refusal").session(district).with(csrf()).param("version", "0").param("reason", "企业以对预分配量有异议为由拒绝签收")
                .param("witness", "嵊州市某街道工作人员李某").param("note", "留置送达")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        AllocationNotice after = fx.reload(n);
        assertThat(after.receipt().status()).isEqualTo(AllocationNotice.ReceiptStatus.REFUSED);
        assertThat(html(mvc.perform(get(path).session(district)).andExpect(status().isOk()).andReturn()))
                .contains("拒收", "嵊州市某街道工作人员李某", "企业以对预分配量有异议为由拒绝签收").doesNotContain("id=\"refusal-form\"");
        mvc.perform(get(path + "/receipt.pdf").session(district)).andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        if (Boolean.getBoolean("opencets.dumpPdfs")) {
            java.nio.file.Files.write(java.nio.file.Path.of("/tmp/notice-pre.pdf"),
                    mvc.perform(get(path + "/notice.pdf").session(district)).andReturn().getResponse().getContentAsByteArray());
            java.nio.file.Files.write(java.nio.file.Path.of("/tmp/notice-refused.pdf"),
                    mvc.perform(get(path + "/receipt.pdf").session(district)).andReturn().getResponse().getContentAsByteArray());
        }
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
