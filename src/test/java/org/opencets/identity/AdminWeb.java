package org.opencets.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Helpers for the identity web tests: real form logins (the controllers need the real principal),
 * fresh organisations and people with unique names (all tests share one database).
 */
final class AdminWeb {

    private static final Pattern SECRET = Pattern.compile("class=\"secret\"[^>]*>([^<]+)<");

    private final MockMvc mvc;
    private final People people;
    private final Organisations organisations;

    AdminWeb(MockMvc mvc, People people, Organisations organisations) {
        this.mvc = mvc;
        this.people = people;
        this.organisations = organisations;
    }

    /** A lower-case suffix no other test run uses. */
    static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
    }

    Organisation newOrganisation(OrganisationKind kind, String region) {
        org.opencets.shared.Uscc uscc = kind == OrganisationKind.VERIFIER ? org.opencets.shared.Uscc.of(org.opencets.support.Demo.freshUscc(region)) : null;
        return organisations.registerUnchecked("测试机构-" + unique(), kind, RegionCode.of(region), uscc);
    }

    /** A new account with the demo password. */
    Person newPerson(Organisation organisation, Role... roles) {
        return people.createUnchecked(organisation.id(), "t-" + unique(), "测试人员", null, Set.of(roles), Demo.PASSWORD);
    }

    MvcResult attemptLogin(String username, String password, MockHttpSession session) throws Exception {
        var request = post("/login").param("username", username).param("password", password).with(csrf());
        if (session != null) {
            request.session(session);
        }
        return mvc.perform(request).andReturn();
    }

    /** Logs in through the login form and returns the authenticated session. */
    MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = attemptLogin(username, password, null);
        assertThat(result.getResponse().getRedirectedUrl()).as("login of " + username).isEqualTo("/home");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    MockHttpSession login(String username) throws Exception {
        return login(username, Demo.PASSWORD);
    }

    MockHttpSession login(Person person) throws Exception {
        return login(person.username(), Demo.PASSWORD);
    }

    static String html(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The one-time secret (password or API key) shown on a page. */
    static String secret(MvcResult result) {
        Matcher m = SECRET.matcher(html(result));
        assertThat(m.find()).as("page shows a secret").isTrue();
        return m.group(1).strip();
    }
}
