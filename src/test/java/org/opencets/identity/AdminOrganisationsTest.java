package org.opencets.identity;

import org.opencets.support.Demo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.shared.RegionCode;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class AdminOrganisationsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Organisations organisations;

    AdminWeb web;
    MockHttpSession province;

    @BeforeEach
    void setUp() throws Exception {
        web = new AdminWeb(mvc, people, organisations);
        province = web.login("zj.admin");
    }

    @Test
    void provinceAdministratorSeesTheProvincesOrganisations() throws Exception {
        MvcResult page = mvc.perform(get("/admin/organisations").session(province)).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(AdminWeb.html(page)).contains("机构管理").contains("宁波市生态环境局北仑分局").contains("区县生态环境主管部门")
                .contains("浙江甬清环境科技有限公司").contains("91330212MA2HCE501P").contains("鄞州区")
                .doesNotContain("上海环境能源交易所") // Shanghai: another province
                .contains("<option value=\"330603\">330603 柯桥区</option>");
    }

    @Test
    void provinceAdministratorCreatesAnOrganisationAndThenManagesItsPeople() throws Exception {
        String name = "宁波测试核查有限公司-" + AdminWeb.unique();
        String uscc = Demo.freshUscc("330212");

        MvcResult created = mvc.perform(create(name, "VERIFIER", "330212", uscc)).andReturn();

        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/organisations");
        Organisation organisation = organisations.findByName(name).orElseThrow();
        assertThat(organisation.kind()).isEqualTo(OrganisationKind.VERIFIER);
        assertThat(organisation.region()).isEqualTo(RegionCode.of("330212"));
        assertThat(organisation.uscc().value()).isEqualTo(uscc);
        String list = AdminWeb.html(mvc.perform(get("/admin/organisations").session(province)).andReturn());
        assertThat(list).contains("已创建机构“" + name + "”").contains(name).contains(uscc)
                .contains("/admin/people?organisation=" + organisation.id());
        MvcResult peoplePage = mvc.perform(get("/admin/people").param("organisation", organisation.id().toString()).session(province))
                .andReturn();
        assertThat(peoplePage.getResponse().getStatus()).isEqualTo(200);
        assertThat(AdminWeb.html(peoplePage)).contains(name).contains("该机构暂无人员");
    }

    @Test
    void aVerificationFirmNeedsItsUscc() throws Exception {
        // verification identifies firms by USCC (conflicts, draws, the public evaluation)
        String name = "测试核查机构-" + AdminWeb.unique();

        String html = AdminWeb.html(mvc.perform(create(name, "VERIFIER", "330212", "")).andReturn());

        assertThat(html).contains("请填写统一社会信用代码");
        assertThat(organisations.findByName(name)).isEmpty();
    }

    @Test
    void theUsccIsOptionalForABureau() throws Exception {
        String name = "测试区县局-" + AdminWeb.unique();

        MvcResult created = mvc.perform(create(name, "DISTRICT_BUREAU", "330681", "")).andReturn();

        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/organisations");
        assertThat(organisations.findByName(name).orElseThrow().uscc()).isNull();
    }

    @Test
    void onlyAProvinceAdministratorManagesOrganisations() throws Exception {
        String name = "越权机构-" + AdminWeb.unique();
        MockHttpSession city = web.login("nb.admin");
        MockHttpSession provinceOfficer = web.login("zj.officer");

        int cityList = mvc.perform(get("/admin/organisations").session(city)).andReturn().getResponse().getStatus();
        MvcResult cityCreate = mvc.perform(create(name, "BANK", "330203", "").session(city)).andReturn();
        int officerList = mvc.perform(get("/admin/organisations").session(provinceOfficer)).andReturn().getResponse().getStatus();
        int officerCreate = mvc.perform(create(name, "BANK", "330203", "").session(provinceOfficer)).andReturn().getResponse().getStatus();

        assertThat(cityList).isEqualTo(403);
        assertThat(cityCreate.getResponse().getStatus()).isEqualTo(403);
        assertThat(AdminWeb.html(cityCreate)).contains("只有省级生态环境主管部门的管理员可以管理机构");
        assertThat(officerList).isEqualTo(403);
        assertThat(officerCreate).isEqualTo(403);
        assertThat(organisations.findByName(name)).isEmpty();
    }

    @Test
    void anOrganisationOutsideTheProvinceIsRefused() throws Exception {
        String name = "外省机构-" + AdminWeb.unique();

        MvcResult result = mvc.perform(create(name, "BANK", "420100", "")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(AdminWeb.html(result)).contains("只能在本省范围内创建机构");
        assertThat(organisations.findByName(name)).isEmpty();
    }

    @Test
    void aWrongUsccCheckCharacterIsRefusedAndCreatesNothing() throws Exception {
        String name = "校验位错误公司-" + AdminWeb.unique();
        String valid = Demo.freshUscc("330212");
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');

        MvcResult result = mvc.perform(create(name, "VERIFIER", "330212", wrong)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(AdminWeb.html(result)).contains("统一社会信用代码校验位错误").contains("最后一位应为 " + valid.charAt(17))
                .contains("value=\"" + name + "\"").contains("<option value=\"VERIFIER\" selected=\"selected\">");
        assertThat(organisations.findByName(name)).isEmpty();
    }

    @Test
    void otherBadInputIsRefusedWithItsOwnMessage() throws Exception {
        String name = "坏数据-" + AdminWeb.unique();

        String format = AdminWeb.html(mvc.perform(create(name, "VERIFIER", "330212", "12345")).andReturn());
        String emitterWithoutUscc = AdminWeb.html(mvc.perform(create(name, "KEY_EMITTER", "330212", " ")).andReturn());
        String blankName = AdminWeb.html(mvc.perform(create(" ", "BANK", "330212", "")).andReturn());
        String unknownRegion = AdminWeb.html(mvc.perform(create(name, "BANK", "330299", "")).andReturn());
        String ministry = AdminWeb.html(mvc.perform(create(name, "MINISTRY", "330212", "")).andReturn());
        String cityAtDistrict = AdminWeb.html(mvc.perform(create(name, "CITY_BUREAU", "330212", "")).andReturn());
        String duplicateUscc = AdminWeb.html(mvc.perform(create(name, "VERIFIER", "330212", "91330212MA2HCE501P")).andReturn());
        String duplicateName = AdminWeb.html(mvc.perform(create("宁波市生态环境局北仑分局", "DISTRICT_BUREAU", "330206", "")).andReturn());

        assertThat(format).contains("统一社会信用代码格式不正确");
        assertThat(emitterWithoutUscc).contains("请填写统一社会信用代码");
        assertThat(blankName).contains("请填写机构名称");
        assertThat(unknownRegion).contains("未知的行政区划代码：330299");
        assertThat(ministry).contains("请选择机构类型");
        assertThat(cityAtDistrict).contains("市级主管部门须位于地级市");
        assertThat(duplicateUscc).containsPattern("class=\"field-error\">[^<]*91330212MA2HCE501P");
        assertThat(duplicateName).contains("该地区已有同名机构");
        assertThat(organisations.findByName(name)).isEmpty();
    }

    @Test
    void messagesFollowTheChosenLanguage() throws Exception {
        String name = "English-" + AdminWeb.unique();
        String valid = Demo.freshUscc("330212");
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');

        String html = AdminWeb.html(mvc.perform(create(name, "VERIFIER", "330212", wrong).param("lang", "en")).andReturn());

        assertThat(html).contains("check character").contains("Verification body").contains("Create an organisation")
                .doesNotContain("校验位错误");
    }

    @Test
    void everyTextOfThePageComesFromTheBundlesInBothLanguages() throws Exception {
        for (String lang : new String[] {"zh-CN", "en"}) {
            String list = AdminWeb.html(mvc.perform(get("/admin/organisations").param("lang", lang).session(province)).andReturn());
            String refused = AdminWeb.html(mvc.perform(create("", "", "", "x").param("lang", lang)).andReturn());
            assertThat(list + refused).as(lang).doesNotContain("??");
        }
    }

    private MockHttpServletRequestBuilder create(String name, String kind, String region, String uscc) {
        return post("/admin/organisations").with(csrf()).session(province)
                .param("name", name).param("kind", kind).param("region", region).param("uscc", uscc);
    }
}
