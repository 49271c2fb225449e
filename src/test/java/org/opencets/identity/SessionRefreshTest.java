package org.opencets.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** An administrator's change reaches sessions already logged in: disabled people are logged out, new roles apply. */
@IntegrationTest
class SessionRefreshTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Organisations organisations;

    @Test
    void disablingAPersonEndsTheirOpenSessionAndRoleChangesApplyAtOnce() throws Exception {
        AdminWeb web = new AdminWeb(mvc, people, organisations);
        Organisation org = web.newOrganisation(OrganisationKind.DISTRICT_BUREAU, "330212");
        Person admin = web.newPerson(org, Role.ADMIN, Role.OFFICER);
        Person officer = web.newPerson(org, Role.OFFICER);
        MockHttpSession adminSession = web.login(admin);
        MockHttpSession officerSession = web.login(officer);

        mvc.perform(get("/admin/people").session(officerSession)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/people/" + officer.id() + "/roles").session(adminSession).with(csrf())
                .param("roles", "ADMIN").param("roles", "OFFICER"));
        assertThat(people.get(officer.id()).roles()).contains(Role.ADMIN);
        mvc.perform(get("/admin/people").session(officerSession)).andExpect(status().isOk());

        mvc.perform(post("/admin/people/" + officer.id() + "/enabled").session(adminSession).with(csrf()).param("enabled", "false"));
        assertThat(people.get(officer.id()).enabled()).isFalse();
        mvc.perform(get("/home").session(officerSession)).andExpect(redirectedUrl("/login?disabled"));
    }
}
