package org.opencets.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class SecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Organisations organisations;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;

    AdminWeb web;

    @BeforeEach
    void setUp() {
        web = new AdminWeb(mvc, people, organisations);
    }

    @Test
    void loginPageRendersInChineseWithCsrfToken() throws Exception {
        MvcResult result = mvc.perform(get("/login")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String html = AdminWeb.html(result);
        assertThat(html).contains("<h1>登录</h1>").contains("name=\"_csrf\"").contains("name=\"username\"");
    }

    @Test
    void loginPageSwitchesToEnglish() throws Exception {
        MvcResult result = mvc.perform(get("/login").param("lang", "en")).andReturn();

        assertThat(AdminWeb.html(result)).contains("<h1>Log in</h1>").doesNotContain("<h1>登录</h1>");
        assertThat(result.getResponse().getCookie("opencets-lang")).isNotNull();
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageWithAnError() throws Exception {
        Person person = web.newPerson(web.newOrganisation(OrganisationKind.VERIFIER, "330212"), Role.OFFICER);

        MvcResult result = web.attemptLogin(person.username(), "not-the-password", null);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        String page = AdminWeb.html(mvc.perform(get("/login").param("error", "").session(session)).andReturn());
        assertThat(page).contains("用户名或密码错误").doesNotContain("账号已锁定");
        assertThat(web.attemptLogin("no.such.user", Demo.PASSWORD, null).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdministratorResetsThePassword() throws Exception {
        Organisation organisation = web.newOrganisation(OrganisationKind.VERIFIER, "330212");
        Person admin = web.newPerson(organisation, Role.ADMIN);
        Person person = web.newPerson(organisation, Role.OFFICER);

        for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
            assertThat(web.attemptLogin(person.username(), "wrong-" + i, null).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        MvcResult rightPassword = web.attemptLogin(person.username(), Demo.PASSWORD, null);

        assertThat(rightPassword.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        MockHttpSession session = (MockHttpSession) rightPassword.getRequest().getSession(false);
        String page = AdminWeb.html(mvc.perform(get("/login").param("error", "").session(session)).andReturn());
        assertThat(page).contains("账号已锁定");
        assertThat(people.get(person.id()).locked()).isTrue();

        MockHttpSession adminSession = web.login(admin);
        MvcResult reset = mvc.perform(post("/admin/people/{id}/password", person.id()).with(csrf()).session(adminSession)).andReturn();
        String newPassword = AdminWeb.secret(reset);

        assertThat(people.get(person.id()).locked()).isFalse();
        assertThat(web.attemptLogin(person.username(), Demo.PASSWORD, null).getResponse().getRedirectedUrl())
                .as("the old password no longer works").isEqualTo("/login?error");
        web.login(person.username(), newPassword);
    }

    @Test
    void loginChangesTheSessionId() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/login").session(session)).andReturn();
        String before = session.getId();

        MvcResult result = web.attemptLogin("zj.viewer", Demo.PASSWORD, session);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/home");
        assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(before);
    }

    @Test
    void postWithoutCsrfTokenIsForbidden() throws Exception {
        MockHttpSession session = web.login("zj.admin");

        assertThat(mvc.perform(post("/admin/api-keys").param("name", "no-csrf").session(session)).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/login").param("username", "zj.admin").param("password", Demo.PASSWORD)).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from identity.api_key where name = 'no-csrf'").query(Integer.class).single()).isZero();
    }

    @Test
    void pagesNeedALogin() throws Exception {
        for (String page : new String[] {"/home", "/admin/people", "/admin/organisations", "/admin/api-keys"}) {
            MvcResult result = mvc.perform(get(page)).andReturn();
            assertThat(result.getResponse().getStatus()).as(page).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/login");
        }
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        MockHttpSession session = web.login("zj.viewer");

        MvcResult logout = mvc.perform(post("/logout").with(csrf()).session(session)).andReturn();

        assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("/login?logout");
        assertThat(mvc.perform(get("/home").session(session)).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @ParameterizedTest
    @CsvSource({
            "haishu.district, 区县生态环境主管部门工作台",
            "nb.city, 市级生态环境主管部门工作台",
            "zj.admin, 省级生态环境主管部门工作台",
            "ministry.viewer, 生态环境部（全国只读视图）",
            "beilun.power, 重点排放单位工作台",
            "verifier1, 核查技术服务机构工作台",
            "bank, 银行工作台"})
    void eachKindOfOrganisationLandsOnItsOwnHomePage(String username, String heading) throws Exception {
        MockHttpSession session = web.login(username);

        MvcResult home = mvc.perform(get("/home").session(session)).andReturn();

        assertThat(home.getResponse().getStatus()).isEqualTo(200);
        assertThat(AdminWeb.html(home)).contains("<h1>" + heading + "</h1>");
    }

    @Test
    void administratorsSeeTheAdministrationLinksOthersDoNot() throws Exception {
        String admin = AdminWeb.html(mvc.perform(get("/home").session(web.login("zj.admin"))).andReturn());
        String officer = AdminWeb.html(mvc.perform(get("/home").session(web.login("zj.officer"))).andReturn());

        assertThat(admin).contains("href=\"/admin/people\"").contains("href=\"/admin/organisations\"").contains("href=\"/admin/api-keys\"");
        assertThat(officer).doesNotContain("href=\"/admin/people\"").doesNotContain("href=\"/admin/organisations\"");
    }

    @Test
    void apiWithoutCredentialsIsUnauthorisedAsProblemJson() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/anything")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(MediaType.parseMediaType(result.getResponse().getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(result.getResponse().getContentAsString()).contains("\"status\":401");
        assertThat(result.getResponse().getHeader("Set-Cookie")).as("the API is stateless").isNull();
    }

    @Test
    void apiKeyAuthenticatesUntilRevoked() throws Exception {
        Organisation organisation = web.newOrganisation(OrganisationKind.VERIFIER, "330212");
        Person admin = web.newPerson(organisation, Role.ADMIN);
        ApiKeys.Issued issued = apiKeys.issueUnchecked(organisation.id(), "DCS", admin.username());

        int withKey = mvc.perform(get("/api/v1/anything").header("X-API-Key", issued.secretKey())).andReturn().getResponse().getStatus();
        String prefix = issued.key().prefix();
        int wrongSecret = mvc.perform(get("/api/v1/anything").header("X-API-Key", prefix + ".wrongsecret")).andReturn()
                .getResponse().getStatus();

        assertThat(withKey).isNotEqualTo(401).isNotEqualTo(403);
        assertThat(wrongSecret).isEqualTo(401);
        assertThat(jdbc.sql("select last_used_at is not null from identity.api_key where id = ?").param(issued.key().id())
                .query(Boolean.class).single()).isTrue();

        CurrentUser actor = new CurrentUser(admin.id(), admin.username(), admin.displayName(), organisation.id(), organisation.name(),
                organisation.kind(), organisation.region(), null, EnumSet.of(Role.ADMIN));
        apiKeys.revoke(actor, issued.key().id());

        assertThat(mvc.perform(get("/api/v1/anything").header("X-API-Key", issued.secretKey())).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }

    @Test
    void apiAcceptsHttpBasicOfAPerson() throws Exception {
        int ok = mvc.perform(get("/api/v1/anything").with(httpBasic("zj.viewer", Demo.PASSWORD))).andReturn().getResponse().getStatus();
        Person person = web.newPerson(web.newOrganisation(OrganisationKind.VERIFIER, "330212"), Role.OFFICER);
        int wrong = mvc.perform(get("/api/v1/anything").with(httpBasic(person.username(), "wrong"))).andReturn().getResponse().getStatus();

        assertThat(ok).isNotEqualTo(401);
        assertThat(wrong).isEqualTo(401);
    }
}
