package org.opencets.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The inbox as an emitter and its district bureau see it: due dates, days left, overdue in red, the month, the region. */
@IntegrationTest
class InboxPagesTest {

    static final RegionCode ZHENHAI = RegionCode.of("330211");

    @Autowired
    MockMvc mvc;
    @Autowired
    Obligations obligations;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Organisations organisations;
    @Autowired
    People people;
    @Autowired
    Reminders reminders;

    String username;
    String plantName;
    Obligation late;
    Obligation upcoming;

    @BeforeEach
    void aPlantWithOneOverdueAndOneUpcomingObligation() {
        String uscc = Demo.freshUscc("330211");
        plantName = "镇海收件箱测试热电 " + uscc.substring(10);
        Organisation plant = organisations.registerUnchecked(plantName, OrganisationKind.KEY_EMITTER, ZHENHAI, Uscc.of(uscc));
        username = "inbox" + uscc.substring(9).toLowerCase();
        people.createUnchecked(plant.id(), username, "测试员", null, EnumSet.of(Role.OFFICER), Demo.PASSWORD);
        late = obligations.open(new NewObligation("TEST-LATE:" + uscc, deadlines.dueAfter(DeadlineKind.DEPOSIT_CORRECTION, 2024, ZHENHAI,
                LocalDate.of(2024, 9, 27)), plant.id(), ZHENHAI, uscc, plantName, "2号机组", "2024-09", null));
        upcoming = obligations.open(new NewObligation("TEST-SOON:" + uscc, deadlines.dueAfter(DeadlineKind.DEPOSIT_CORRECTION, 2026, ZHENHAI,
                obligations.today()), plant.id(), ZHENHAI, uscc, plantName, "3号机组", "2026-10", null));
    }

    @Test
    void theEmitterSeesWhatIsDueWithDaysLeftAndOverdueInRed() throws Exception {
        String html = mvc.perform(get("/inbox").session(Demo.login(mvc, username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long overdueDays = late.due().until(obligations.today(), java.time.temporal.ChronoUnit.DAYS);
        assertThat(html).contains("存证核实更正", "2号机组", "3号机组", "2024-10-08", "逾期 " + overdueDays + " 天");
        assertThat(html).contains("<tr data-key=\"" + late.key() + "\" class=\"overdue\">");
        assertThat(html).contains("<tr data-key=\"" + upcoming.key() + "\">");
        assertThat(html.indexOf("2号机组")).as("soonest first").isLessThan(html.indexOf("3号机组"));
    }

    @Test
    void theMonthViewPutsEachItemOnItsDueDate() throws Exception {
        mvc.perform(get("/inbox/calendar").param("month", "2024-10").session(Demo.login(mvc, username))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-date=\"2024-10-08\"")))
                .andExpect(content().string(containsString("2024年10月")))
                .andExpect(content().string(containsString("class=\"item overdue\"")))
                // National Day: 10-01..10-07 are marked as days off, Saturday 10-12 as a make-up working day
                .andExpect(content().string(containsString("<span class=\"mark\">班</span>")));
    }

    @Test
    void theDistrictSeesItsRegionsOverdueItemsGroupedByEmitterAndOthersDoNot() throws Exception {
        mvc.perform(get("/inbox/overdue").session(Demo.login(mvc, "zhenhai.district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("镇海区")))
                .andExpect(content().string(containsString("<h4>" + plantName + "</h4>")))
                .andExpect(content().string(containsString(late.key())))
                .andExpect(content().string(not(containsString(upcoming.key()))));
        mvc.perform(get("/inbox/overdue").session(Demo.login(mvc, "beilun.district")))
                .andExpect(content().string(not(containsString(late.key()))));
        mvc.perform(get("/inbox/overdue").session(Demo.login(mvc, username))).andExpect(status().isForbidden());
        mvc.perform(get("/inbox").session(Demo.login(mvc, "beilun.power"))).andExpect(content().string(not(containsString(late.key()))));
    }

    @Test
    void remindersAppearInTheNavigationAndOnTheRemindersTab() throws Exception {
        reminders.remind(late.due().plusDays(1));
        MockHttpSession session = Demo.login(mvc, username);
        mvc.perform(get("/home").session(session)).andExpect(content().string(containsString("class=\"navcount\"")));
        mvc.perform(get("/inbox/notifications").session(session)).andExpect(content().string(containsString("已逾期")))
                .andExpect(content().string(containsString("2号机组")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/inbox/notifications/read").session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/home").session(session)).andExpect(content().string(not(containsString("class=\"navcount\""))));
    }

    @Test
    void theApiListsTheSameObligations() throws Exception {
        mvc.perform(get("/api/v1/inbox").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic(username, Demo.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").value(late.key()))
                .andExpect(jsonPath("$[0].overdue").value(true))
                .andExpect(jsonPath("$[0].due").value("2024-10-08"))
                .andExpect(jsonPath("$[1].key").value(upcoming.key()));
    }
}
