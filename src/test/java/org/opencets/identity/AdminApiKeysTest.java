package org.opencets.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class AdminApiKeysTest {

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
    MockHttpSession session;

    @BeforeEach
    void setUp() throws Exception {
        web = new AdminWeb(mvc, people, organisations);
        organisation = web.newOrganisation(OrganisationKind.VERIFIER, "330212");
        session = web.login(web.newPerson(organisation, Role.ADMIN));
    }

    @Test
    void adminIssuesAKeyShownOnceThatWorksUntilRevoked() throws Exception {
        MvcResult issued = mvc.perform(post("/admin/api-keys").param("name", "电厂 DCS").with(csrf()).session(session)).andReturn();

        assertThat(issued.getResponse().getStatus()).isEqualTo(200);
        String key = AdminWeb.secret(issued);
        assertThat(AdminWeb.html(issued)).contains("已签发 API 密钥").contains("X-API-Key: " + key).contains("/api/v1/**")
                .contains("只显示这一次");
        assertThat(apiStatus(key)).isNotEqualTo(401);

        String prefix = key.substring(0, key.indexOf('.'));
        String list = AdminWeb.html(mvc.perform(get("/admin/api-keys").session(session)).andReturn());
        assertThat(list).contains("电厂 DCS").contains(prefix).contains("有效").doesNotContain(key);

        UUID id = jdbc.sql("select id from identity.api_key where key_prefix = ?").param(prefix).query(UUID.class).single();
        MvcResult revoked = mvc.perform(post("/admin/api-keys/{id}/revoke", id).with(csrf()).session(session)).andReturn();

        assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/admin/api-keys");
        assertThat(apiStatus(key)).isEqualTo(401);
        assertThat(AdminWeb.html(mvc.perform(get("/admin/api-keys").session(session)).andReturn()))
                .contains("密钥已吊销").contains("已吊销");
    }

    @Test
    void aKeyNeedsAName() throws Exception {
        MvcResult result = mvc.perform(post("/admin/api-keys").param("name", " ").with(csrf()).session(session)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(AdminWeb.html(result)).contains("请为密钥命名").doesNotContain("class=\"secret\"");
        assertThat(jdbc.sql("select count(*) from identity.api_key where organisation_id = ?").param(organisation.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void nonAdministratorsAreForbidden() throws Exception {
        MockHttpSession officer = web.login(web.newPerson(organisation, Role.OFFICER));

        int list = mvc.perform(get("/admin/api-keys").session(officer)).andReturn().getResponse().getStatus();
        int issue = mvc.perform(post("/admin/api-keys").param("name", "x").with(csrf()).session(officer)).andReturn().getResponse().getStatus();

        assertThat(list).isEqualTo(403);
        assertThat(issue).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from identity.api_key where organisation_id = ?").param(organisation.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anotherOrganisationsKeyCannotBeRevoked() throws Exception {
        Organisation other = web.newOrganisation(OrganisationKind.VERIFIER, "330212");
        ApiKeys.Issued theirs = apiKeysIssue(other);

        int status = mvc.perform(post("/admin/api-keys/{id}/revoke", theirs.key().id()).with(csrf()).session(session)).andReturn()
                .getResponse().getStatus();

        assertThat(status).isEqualTo(404);
        assertThat(apiStatus(theirs.secretKey())).isNotEqualTo(401);
        assertThat(AdminWeb.html(mvc.perform(get("/admin/api-keys").session(session)).andReturn())).doesNotContain(theirs.key().prefix());
    }

    @Test
    void everyTextOfThePagesComesFromTheBundlesInBothLanguages() throws Exception {
        for (String lang : new String[] {"zh-CN", "en"}) {
            String issued = AdminWeb.html(mvc.perform(post("/admin/api-keys").param("name", "sys " + lang).param("lang", lang).with(csrf())
                    .session(session)).andReturn());
            String list = AdminWeb.html(mvc.perform(get("/admin/api-keys").param("lang", lang).session(session)).andReturn());
            assertThat(issued + list).as(lang).doesNotContain("??");
        }
        String english = AdminWeb.html(mvc.perform(get("/admin/api-keys").param("lang", "en").session(session)).andReturn());
        assertThat(english).contains("Issue a new key").contains("never").doesNotContain("签发新密钥");
    }

    @Autowired
    ApiKeys apiKeys;

    private ApiKeys.Issued apiKeysIssue(Organisation of) {
        return apiKeys.issueUnchecked(of.id(), "other system", "test");
    }

    private int apiStatus(String key) throws Exception {
        return mvc.perform(get("/api/v1/anything").header("X-API-Key", key)).andReturn().getResponse().getStatus();
    }
}
