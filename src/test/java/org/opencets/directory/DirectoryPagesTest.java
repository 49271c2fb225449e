package org.opencets.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The directory pages: messages next to the field in the user's language, nothing saved; edits appear in the history tab. */
@IntegrationTest
class DirectoryPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.opencets.identity.People people;

    @Test
    void badUsccAndShutdownDateAreShownNextToTheFieldsAndNothingIsSaved() throws Exception {
        MockHttpSession session = login();
        String bad = "91330206MA2XXXXX0"; // 17 characters
        mvc.perform(post("/directory/emitters").session(session).with(csrf()).param("uscc", bad).param("name", "测试")
                        .param("regionCode", "330206").param("industryCode", "4411").param("status", "NORMAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("统一社会信用代码格式不正确")))
                .andExpect(content().string(containsString("未保存任何内容")));
        assertThat(jdbc.sql("select count(*) from directory.key_emitter where name = '测试'").query(Long.class).single()).isZero();

        mvc.perform(post("/directory/emitters").session(session).with(csrf()).param("lang", "en").param("uscc", bad).param("name", "测试")
                        .param("regionCode", "330206").param("industryCode", "4411").param("status", "NORMAL"))
                .andExpect(content().string(containsString("The USCC must be 18 characters")));
    }

    @Test
    void anEditIsRecordedWithBeforeAndAfterOnTheHistoryTab() throws Exception {
        MockHttpSession session = login();
        String uscc = Demo.freshUscc("330206");
        String location = mvc.perform(post("/directory/emitters").session(session).with(csrf()).param("uscc", uscc)
                        .param("name", "宁波北仑页面测试热电有限公司").param("regionCode", "330206").param("industryCode", "4412")
                        .param("status", "NORMAL").param("contactName", "张三"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location).session(session).with(csrf()).param("version", "0").param("uscc", uscc)
                        .param("name", "宁波北仑页面测试热电有限公司").param("regionCode", "330206").param("industryCode", "4412")
                        .param("status", "LEGAL_OR_DEBT_RISK").param("contactName", "李四"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location + "?tab=history").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("beilun.district")))
                .andExpect(content().string(containsString("张三")))
                .andExpect(content().string(containsString("李四")))
                .andExpect(content().string(containsString("存在法律或债务风险")));
        // a unit whose shutdown precedes commissioning is refused on the page
        mvc.perform(post(location + "/units").session(session).with(csrf()).param("facilityName", "厂区").param("unitCode", "1号机组")
                        .param("ratedCapacityMw", "0").param("category", "II").param("fuel", "BITUMINOUS").param("coolingType", "WATER")
                        .param("commissioningDate", "2015-05-01").param("shutdownDate", "2015-04-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("额定容量必须大于 0 MW")))
                .andExpect(content().string(containsString("不能早于投产日期")));
    }

    @Test
    void anEmitterChangesOnlyItsOwnContacts() throws Exception {
        MockHttpSession bureau = login();
        String uscc = Demo.freshUscc("330206");
        String location = mvc.perform(post("/directory/emitters").session(bureau).with(csrf()).param("uscc", uscc)
                        .param("name", "宁波北仑联系人测试有限公司").param("regionCode", "330206").param("industryCode", "2651")
                        .param("status", "NORMAL"))
                .andReturn().getResponse().getRedirectedUrl();
        var orgId = jdbc.sql("select id from identity.organisation where uscc = ?").param(uscc).query(java.util.UUID.class).single();
        people.createUnchecked(orgId, "contact-test-" + uscc.toLowerCase(), "企业经办人", null, java.util.Set.of(org.opencets.identity.Role.OFFICER),
                Demo.PASSWORD);
        MockHttpSession emitter = login("contact-test-" + uscc.toLowerCase());
        mvc.perform(get(location + "/edit").session(emitter)).andExpect(status().isOk())
                .andExpect(content().string(containsString("名称、代码、区划、行业和状态由生态环境主管部门维护")));
        // the emitter tries to rename itself and change its status too: only the contacts change
        mvc.perform(post(location).session(emitter).with(csrf()).param("version", "0").param("name", "改名企图").param("status", "DISSOLVED")
                        .param("contactName", "赵六").param("contactPhone", "0574-86111111"))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.sql("select name, status, contact_name from directory.key_emitter where uscc = ?").param(uscc)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).single();
        assertThat(row).isEqualTo("宁波北仑联系人测试有限公司|NORMAL|赵六");
        // and cannot touch another emitter
        UUID other = jdbc.sql("select id from directory.key_emitter where uscc = ?").param(Demo.BEILUN_POWER_USCC).query(UUID.class).single();
        mvc.perform(post("/directory/emitters/" + other).session(emitter).with(csrf()).param("version", "0").param("contactName", "x"))
                .andExpect(status().isNotFound());
    }

    private MockHttpSession login(String username) throws Exception {
        return Demo.login(mvc, username);
    }

    private MockHttpSession login() throws Exception {
        return login("beilun.district");
    }
}
