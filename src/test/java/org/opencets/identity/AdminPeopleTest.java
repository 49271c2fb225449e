package org.opencets.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class AdminPeopleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    AdminWeb web;
    Organisation organisation;
    Person admin;
    MockHttpSession session;

    @BeforeEach
    void setUp() throws Exception {
        web = new AdminWeb(mvc, people, organisations);
        organisation = web.newOrganisation(OrganisationKind.VERIFIER, "330212");
        admin = web.newPerson(organisation, Role.ADMIN, Role.OFFICER);
        session = web.login(admin);
    }

    @Test
    void adminSeesTheOrganisationsPeople() throws Exception {
        Person officer = web.newPerson(organisation, Role.OFFICER);
        Person elsewhere = web.newPerson(web.newOrganisation(OrganisationKind.VERIFIER, "330212"), Role.OFFICER);

        MvcResult page = mvc.perform(get("/admin/people").session(session)).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(AdminWeb.html(page)).contains("人员管理").contains(organisation.name()).contains(admin.username())
                .contains(officer.username()).contains("经办人").contains("已启用").doesNotContain(elsewhere.username());
    }

    @Test
    void adminAddsAPersonWhoLogsInWithTheShownPassword() throws Exception {
        String username = "new-" + AdminWeb.unique();

        MvcResult result = mvc.perform(addPerson(username, "张新", "zhang@example.com", "OFFICER", "VIEWER")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(AdminWeb.html(result)).contains("已添加人员").contains(username).contains("只显示这一次");
        String password = AdminWeb.secret(result);
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        Person added = people.membersOf(adminActor(), organisation.id()).stream()
                .filter(p -> p.username().equals(username)).findFirst().orElseThrow();
        assertThat(added.roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.VIEWER);
        assertThat(added.email()).isEqualTo("zhang@example.com");

        MockHttpSession theirs = web.login(username, password);
        assertThat(AdminWeb.html(mvc.perform(get("/home").session(theirs)).andReturn())).contains("张新");
        assertThat(AdminWeb.html(mvc.perform(get("/admin/people").session(session)).andReturn())).contains(username);
    }

    @Test
    void theOneTimePasswordIsNotShownAgain() throws Exception {
        String username = "once-" + AdminWeb.unique();
        String password = AdminWeb.secret(mvc.perform(addPerson(username, "李一", "", "VIEWER")).andReturn());
        UUID id = people.membersOf(adminActor(), organisation.id()).stream().filter(p -> p.username().equals(username))
                .findFirst().orElseThrow().id();

        String list = AdminWeb.html(mvc.perform(get("/admin/people").session(session)).andReturn());
        String detail = AdminWeb.html(mvc.perform(get("/admin/people/{id}", id).session(session)).andReturn());

        assertThat(list).doesNotContain(password);
        assertThat(detail).doesNotContain(password).contains(username);
    }

    @Test
    void nonAdministratorsAreForbidden() throws Exception {
        Person officer = web.newPerson(organisation, Role.OFFICER, Role.VIEWER);
        MockHttpSession officerSession = web.login(officer);
        String username = "sneaky-" + AdminWeb.unique();

        MvcResult list = mvc.perform(get("/admin/people").session(officerSession)).andReturn();
        MvcResult add = mvc.perform(post("/admin/people").with(csrf()).session(officerSession).param("username", username)
                .param("displayName", "偷偷").param("roles", "ADMIN")).andReturn();
        MvcResult detail = mvc.perform(get("/admin/people/{id}", admin.id()).session(officerSession)).andReturn();
        MvcResult disable = mvc.perform(post("/admin/people/{id}/enabled", admin.id()).param("enabled", "false").with(csrf())
                .session(officerSession)).andReturn();
        MvcResult demoOfficer = mvc.perform(get("/admin/people").session(web.login("haishu.district"))).andReturn();

        assertThat(list.getResponse().getStatus()).isEqualTo(403);
        assertThat(AdminWeb.html(list)).contains("无权执行此操作").contains("您无权管理该机构的人员");
        assertThat(add.getResponse().getStatus()).isEqualTo(403);
        assertThat(detail.getResponse().getStatus()).isEqualTo(403);
        assertThat(disable.getResponse().getStatus()).isEqualTo(403);
        assertThat(demoOfficer.getResponse().getStatus()).isEqualTo(403);
        assertThat(countUsername(username)).isZero();
        assertThat(people.get(admin.id()).enabled()).isTrue();
    }

    @Test
    void anAdministratorCannotManageAnotherOrganisationsPeople() throws Exception {
        Organisation other = web.newOrganisation(OrganisationKind.VERIFIER, "330212");
        Person stranger = web.newPerson(other, Role.OFFICER);

        int list = status(get("/admin/people").param("organisation", other.id().toString()).session(session));
        int detail = status(get("/admin/people/{id}", stranger.id()).session(session));
        int disable = status(post("/admin/people/{id}/enabled", stranger.id()).param("enabled", "false").with(csrf()).session(session));
        int roles = status(post("/admin/people/{id}/roles", stranger.id()).param("roles", "ADMIN").with(csrf()).session(session));
        int reset = status(post("/admin/people/{id}/password", stranger.id()).with(csrf()).session(session));
        String username = "intruder-" + AdminWeb.unique();
        int add = status(post("/admin/people").param("organisation", other.id().toString()).param("username", username)
                .param("displayName", "外人").param("roles", "ADMIN").with(csrf()).session(session));

        assertThat(new int[] {list, detail, disable, roles, reset, add}).containsOnly(403);
        Person after = people.get(stranger.id());
        assertThat(after.enabled()).isTrue();
        assertThat(after.roles()).containsExactly(Role.OFFICER);
        web.login(stranger); // password not reset
        assertThat(countUsername(username)).isZero();
    }

    @Test
    void unknownPersonIsNotFound() throws Exception {
        assertThat(status(get("/admin/people/{id}", UUID.randomUUID()).session(session))).isEqualTo(404);
        assertThat(status(post("/admin/people/{id}/password", UUID.randomUUID()).with(csrf()).session(session))).isEqualTo(404);
    }

    @Test
    void takenUsernameIsRefusedWithAMessageAndCreatesNothing() throws Exception {
        Person existing = web.newPerson(web.newOrganisation(OrganisationKind.VERIFIER, "330212"), Role.OFFICER);
        int before = countMembers();

        MvcResult result = mvc.perform(addPerson(existing.username(), "重名者", "", "OFFICER")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        String html = AdminWeb.html(result);
        assertThat(html).contains("用户名“" + existing.username() + "”已被占用").contains("class=\"field-error\"")
                .contains("value=\"重名者\"").doesNotContain("class=\"secret\"");
        assertThat(countMembers()).isEqualTo(before);
    }

    @Test
    void refusalsAreShownInTheUsersLanguage() throws Exception {
        MvcResult result = mvc.perform(addPerson("zj.admin", "Someone", "", "OFFICER").param("lang", "en")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(AdminWeb.html(result)).contains("is taken").contains("Add a person").doesNotContain("已被占用");
    }

    @Test
    void badInputIsRefusedFieldByField() throws Exception {
        int before = countMembers();

        String badFormat = AdminWeb.html(mvc.perform(addPerson("X", "某人", "", "OFFICER")).andReturn());
        String noRole = AdminWeb.html(mvc.perform(addPerson("norole-" + AdminWeb.unique(), "某人", "")).andReturn());
        String noName = AdminWeb.html(mvc.perform(addPerson("noname-" + AdminWeb.unique(), " ", "", "OFFICER")).andReturn());
        String badEmail = AdminWeb.html(mvc.perform(addPerson("bademail-" + AdminWeb.unique(), "某人", "not-an-email", "OFFICER"))
                .andReturn());

        assertThat(badFormat).contains("用户名须为 3–64 位小写字母");
        assertThat(noRole).contains("请至少选择一个角色");
        assertThat(noName).contains("请填写姓名");
        assertThat(badEmail).contains("电子邮箱格式不正确");
        assertThat(countMembers()).isEqualTo(before);
    }

    @Test
    void disablingAPersonStopsTheirLoginAndEnablingRestoresIt() throws Exception {
        Person person = web.newPerson(organisation, Role.OFFICER);

        MvcResult disable = mvc.perform(post("/admin/people/{id}/enabled", person.id()).param("enabled", "false").with(csrf())
                .session(session)).andReturn();

        assertThat(disable.getResponse().getRedirectedUrl()).isEqualTo("/admin/people/" + person.id());
        assertThat(people.get(person.id()).enabled()).isFalse();
        assertThat(web.attemptLogin(person.username(), Demo.PASSWORD, null).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        String page = AdminWeb.html(mvc.perform(get("/admin/people/{id}", person.id()).session(session)).andReturn());
        assertThat(page).contains("账号已停用").contains("已停用").contains("启用账号");

        mvc.perform(post("/admin/people/{id}/enabled", person.id()).param("enabled", "true").with(csrf()).session(session)).andReturn();

        web.login(person);
    }

    @Test
    void anAdministratorCannotDisableThemselvesNorDropTheirOwnAdminRole() throws Exception {
        MvcResult disable = mvc.perform(post("/admin/people/{id}/enabled", admin.id()).param("enabled", "false").with(csrf())
                .session(session)).andReturn();
        String disablePage = AdminWeb.html(mvc.perform(get("/admin/people/{id}", admin.id()).session(session)).andReturn());
        MvcResult roles = mvc.perform(post("/admin/people/{id}/roles", admin.id()).param("roles", "OFFICER").with(csrf())
                .session(session)).andReturn();
        String rolesPage = AdminWeb.html(mvc.perform(get("/admin/people/{id}", admin.id()).session(session)).andReturn());

        assertThat(disable.getFlashMap().get("error")).isEqualTo("不能停用您本人的账号。");
        assertThat(roles.getFlashMap().get("error")).isEqualTo("不能取消您本人的管理员角色。");
        assertThat(disablePage).contains("<p class=\"alert\">不能停用您本人的账号。</p>");
        assertThat(rolesPage).contains("<p class=\"alert\">不能取消您本人的管理员角色。</p>").doesNotContain("不能停用您本人的账号");
        Person after = people.get(admin.id());
        assertThat(after.enabled()).isTrue();
        assertThat(after.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.OFFICER);
    }

    @Test
    void adminChangesRolesAndEmptyRolesAreRefused() throws Exception {
        Person person = web.newPerson(organisation, Role.OFFICER);

        MvcResult change = mvc.perform(post("/admin/people/{id}/roles", person.id()).param("roles", "VIEWER", "ADMIN").with(csrf())
                .session(session)).andReturn();
        MvcResult none = mvc.perform(post("/admin/people/{id}/roles", person.id()).with(csrf()).session(session)).andReturn();

        assertThat(change.getFlashMap().get("notice")).isEqualTo("角色已更新。");
        assertThat(none.getFlashMap().get("error")).isEqualTo("请至少选择一个角色。");
        assertThat(people.get(person.id()).roles()).containsExactlyInAnyOrder(Role.VIEWER, Role.ADMIN);
    }

    @Test
    void resetPasswordShowsANewOneTimePassword() throws Exception {
        Person person = web.newPerson(organisation, Role.OFFICER);

        MvcResult reset = mvc.perform(post("/admin/people/{id}/password", person.id()).with(csrf()).session(session)).andReturn();

        assertThat(AdminWeb.html(reset)).contains("已重置密码");
        web.login(person.username(), AdminWeb.secret(reset));
    }

    @Test
    void provinceAdministratorManagesPeopleOfAnOrganisationInTheProvince() throws Exception {
        Organisation inProvince = web.newOrganisation(OrganisationKind.DISTRICT_BUREAU, "330603");
        Organisation outside = web.newOrganisation(OrganisationKind.VERIFIER, "420100");
        MockHttpSession province = web.login("zj.admin");
        String username = "first-admin-" + AdminWeb.unique();

        MvcResult list = mvc.perform(get("/admin/people").param("organisation", inProvince.id().toString()).session(province)).andReturn();
        MvcResult add = mvc.perform(post("/admin/people").param("organisation", inProvince.id().toString()).param("username", username)
                .param("displayName", "首任管理员").param("roles", "ADMIN").with(csrf()).session(province)).andReturn();
        int outsideStatus = status(get("/admin/people").param("organisation", outside.id().toString()).session(province));
        int cityStatus = status(get("/admin/people").param("organisation", inProvince.id().toString()).session(web.login("sx.admin")));

        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        assertThat(AdminWeb.html(list)).contains(inProvince.name()).contains("name=\"organisation\"");
        assertThat(add.getResponse().getStatus()).isEqualTo(200);
        Person added = people.membersOf(adminActor(inProvince), inProvince.id()).stream()
                .filter(p -> p.username().equals(username)).findFirst().orElseThrow();
        assertThat(added.roles()).containsExactly(Role.ADMIN);
        web.login(username, AdminWeb.secret(add));
        assertThat(outsideStatus).isEqualTo(403);
        assertThat(cityStatus).as("a city administrator manages only its own organisation").isEqualTo(403);
    }

    @Test
    void aProvinceCannotManageTheNationalBodiesLocatedInIt() throws Exception {
        // 全国碳排放权注册登记机构 is located in Hubei (420000); the Hubei bureau is not its administrator
        Organisation hubei = web.newOrganisation(OrganisationKind.PROVINCE_BUREAU, "420000");
        Organisation wuhanBank = web.newOrganisation(OrganisationKind.BANK, "420100");
        MockHttpSession hubeiAdmin = web.login(web.newPerson(hubei, Role.ADMIN));
        Organisation registry = organisations.findByName("全国碳排放权注册登记机构（湖北碳排放权交易中心）").orElseThrow();
        UUID operator = jdbc.sql("select id from identity.user_account where username = 'registry.operator'").query(UUID.class).single();
        String username = "national-" + AdminWeb.unique();

        int list = status(get("/admin/people").param("organisation", registry.id().toString()).session(hubeiAdmin));
        int detail = status(get("/admin/people/{id}", operator).session(hubeiAdmin));
        int add = status(post("/admin/people").param("organisation", registry.id().toString()).param("username", username)
                .param("displayName", "冒名管理员").param("roles", "ADMIN").with(csrf()).session(hubeiAdmin));
        MvcResult ownProvince = mvc.perform(get("/admin/people").param("organisation", wuhanBank.id().toString()).session(hubeiAdmin))
                .andReturn();

        assertThat(new int[] {list, detail, add}).containsOnly(403);
        assertThat(countUsername(username)).isZero();
        assertThat(ownProvince.getResponse().getStatus()).isEqualTo(200);
        assertThat(AdminWeb.html(ownProvince)).contains(wuhanBank.name()).doesNotContain(">" + registry.name() + " (");
    }

    @Test
    void everyTextOfThePagesComesFromTheBundlesInBothLanguages() throws Exception {
        Person person = web.newPerson(organisation, Role.VIEWER);
        for (String lang : new String[] {"zh-CN", "en"}) {
            String list = AdminWeb.html(mvc.perform(get("/admin/people").param("lang", lang).session(session)).andReturn());
            String detail = AdminWeb.html(mvc.perform(get("/admin/people/{id}", person.id()).param("lang", lang).session(session))
                    .andReturn());
            String reset = AdminWeb.html(mvc.perform(post("/admin/people/{id}/password", person.id()).param("lang", lang).with(csrf())
                    .session(session)).andReturn());
            String refused = AdminWeb.html(mvc.perform(addPerson("X", "", "", "OFFICER").param("lang", lang)).andReturn());
            assertThat(list + detail + reset + refused).as(lang).doesNotContain("??");
        }
        String english = AdminWeb.html(mvc.perform(get("/admin/people/{id}", person.id()).param("lang", "en").session(session)).andReturn());
        assertThat(english).contains("Change roles").contains("Reset password").contains("Viewer").doesNotContain("修改角色");
    }

    private MockHttpServletRequestBuilder addPerson(String username, String displayName, String email, String... roles) {
        return post("/admin/people").with(csrf()).session(session).param("organisation", organisation.id().toString())
                .param("username", username).param("displayName", displayName).param("email", email).param("roles", roles);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private CurrentUser adminActor() {
        return adminActor(organisation);
    }

    private CurrentUser adminActor(Organisation of) {
        return new CurrentUser(UUID.randomUUID(), "test", "test", of.id(), of.name(), of.kind(), of.region(), null, EnumSet.of(Role.ADMIN));
    }

    private int countMembers() {
        return jdbc.sql("select count(*) from identity.user_account where organisation_id = ?").param(organisation.id())
                .query(Integer.class).single();
    }

    private int countUsername(String username) {
        return jdbc.sql("select count(*) from identity.user_account where username = ?").param(username).query(Integer.class).single();
    }
}
