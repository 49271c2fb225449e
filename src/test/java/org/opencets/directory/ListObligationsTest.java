package org.opencets.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Seed 002 §一 in the inboxes: the district's proposal is due Oct 15, the city's publication Dec 31. This test owns Shaoxing's 2027 power list. */
@IntegrationTest
class ListObligationsTest {

    static final String KEQIAO_2027 = "LIST_PROPOSAL:330603:2027:POWER";

    @Autowired
    ListObligations listObligations;
    @Autowired
    Obligations obligations;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theProposalObligationOpensBeforeTheDueDateAndClosesOnSubmissionAndReopensOnReturn() throws Exception {
        listObligations.sync(LocalDate.of(2026, 9, 1));
        Obligation proposal = obligations.find(KEQIAO_2027).orElseThrow();
        assertThat(proposal.due()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(proposal.isOpen()).isTrue();
        assertThat(obligations.find("LIST_PUBLICATION:330600:2027:POWER").orElseThrow().due()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(obligations.find("LIST_PROPOSAL:330603:2027:NON_POWER")).as("due 2027-01-31, beyond 60 days").isEmpty();

        MockHttpSession keqiao = Demo.login(mvc, "keqiao.district");
        mvc.perform(get("/inbox").session(keqiao)).andExpect(content().string(containsString("发电行业重点排放单位名录报送")))
                .andExpect(content().string(containsString(KEQIAO_2027)));
        UUID listId = prepareAndSubmit(keqiao);
        assertThat(obligations.find(KEQIAO_2027).orElseThrow().outcome()).isEqualTo(Obligation.Outcome.DONE);

        MockHttpSession city = Demo.login(mvc, "sx.city");
        mvc.perform(post("/directory/lists/" + listId + "/return").session(city).with(csrf()).param("version", version(listId))
                .param("reasons", "请补充钱清热电 2025 年数据")).andExpect(status().is3xxRedirection());
        List<Obligation> open = openFor("330603");
        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o.key()).startsWith(KEQIAO_2027 + ":returned@");
            assertThat(o.link()).isEqualTo("/directory/lists/" + listId);
        });

        mvc.perform(post("/directory/lists/" + listId + "/submit").session(keqiao).with(csrf()).param("version", version(listId)))
                .andExpect(status().is3xxRedirection());
        assertThat(openFor("330603")).isEmpty();
    }

    private List<Obligation> openFor(String region) {
        return jdbc.sql("select obligation_key from inbox.obligation where region_code = ? and deadline = 'LIST_PROPOSAL_POWER' and closed_at is null")
                .param(region).query(String.class).list().stream().map(k -> obligations.find(k).orElseThrow()).toList();
    }

    private UUID prepareAndSubmit(MockHttpSession session) throws Exception {
        String location = mvc.perform(post("/directory/lists").session(session).with(csrf()).param("year", "2027").param("type", "POWER"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/directory/lists/" + id + "/submit").session(session).with(csrf()).param("version", version(id)))
                .andExpect(status().is3xxRedirection());
        return id;
    }

    private String version(UUID listId) {
        return jdbc.sql("select version from directory.annual_list where id = ?").param(listId).query(Integer.class).single().toString();
    }
}
