package org.opencets.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencets.identity.Organisations;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.shared.RegionCode;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The regulator's screens and the API: compliance-year data, the holiday announcement, computed deadlines. */
@IntegrationTest
class CalendarPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OfficialCalendar calendar;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Obligations obligations;
    @Autowired
    Organisations organisations;

    @Test
    void theYearPageShowsRulesWithComputedDatesAndValuesWithSources() throws Exception {
        mvc.perform(get("/calendar").param("year", "2026").session(Demo.login(mvc, "nb.city"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("月度信息化存证")))
                .andExpect(content().string(containsString("月末后20个自然日")))
                // 2026-01-31 + 20 days
                .andExpect(content().string(containsString("2026-02-20")))
                .andExpect(content().string(containsString("（由 2026-01-31 顺延）")))
                .andExpect(content().string(containsString("CCER抵销比例上限")))
                .andExpect(content().string(containsString("渝环规〔2023〕2号")));
    }

    @Test
    void aCityOfficerAddsAVersionAndBadInputIsExplainedAndChangesNothing() throws Exception {
        MockHttpSession city = Demo.login(mvc, "nb.city");
        long before = count();
        mvc.perform(post("/calendar/values/COAL_OXIDATION_RATE").session(city).with(csrf()).param("year", "2017").param("regionPrefix", "3302")
                        .param("value", "99").param("unit", "").param("source", "").param("inForceFrom", "2026-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写单位（%）")))
                .andExpect(content().string(containsString("请注明依据")));
        assertThat(count()).isEqualTo(before);
        mvc.perform(post("/calendar/values/COAL_OXIDATION_RATE").session(city).with(csrf()).param("year", "2017").param("regionPrefix", "3302")
                        .param("value", "98").param("unit", "%").param("source", "宁波测试通知 §4").param("inForceFrom", "2026-01-01"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/calendar/values/COAL_OXIDATION_RATE").param("year", "2017").session(city))
                .andExpect(content().string(containsString("宁波测试通知 §4")))
                .andExpect(content().string(containsString("nb.city")));
        mvc.perform(post("/calendar/values/COAL_OXIDATION_RATE").session(Demo.login(mvc, "beilun.district")).with(csrf()).param("year", "2017")
                .param("regionPrefix", "330206").param("value", "98").param("unit", "%").param("source", "x").param("inForceFrom", "2026-02-01"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDeadlineVersionNeedsADayCountForARelativeRule() throws Exception {
        mvc.perform(post("/calendar/deadlines/DEPOSIT_CORRECTION").session(Demo.login(mvc, "sx.city")).with(csrf()).param("year", "2016")
                        .param("regionPrefix", "3306").param("offsetDays", "").param("dayOffPolicy", "NEXT_WORKING_DAY").param("source", "s")
                        .param("inForceFrom", "2026-01-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("天数须在 1 至 366 之间")));
    }

    @Test
    void theProvinceEntersNextYearsHolidaysAndProvisionalDueDatesAreRecomputed() throws Exception {
        RegionCode beilun = RegionCode.of("330206");
        // 2031 is not announced: 3 working days after Friday 2031-01-31 are counted Mon–Wed
        Deadline provisional = deadlines.dueAfter(DeadlineKind.DEPOSIT_CORRECTION, 2026, beilun, LocalDate.of(2031, 1, 31));
        assertThat(provisional.provisional()).isTrue();
        assertThat(provisional.due()).isEqualTo(LocalDate.of(2031, 2, 5));
        Obligation o = obligations.open(new NewObligation("TEST-2031:" + UUID.randomUUID(), provisional,
                organisations.bureauOf(beilun).orElseThrow().id(), beilun, null, null, "测试", "2031-01", null));

        MockHttpSession province = Demo.login(mvc, "zj.officer");
        mvc.perform(post("/calendar/holidays").session(province).with(csrf()).param("year", "2031").param("source", "")
                        .param("lines", "2031-02-03,HOLIDAY,春节\n2031-02-03,HOLIDAY,春节\n2031-02-30,HOLIDAY,春节"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请注明通知名称")))
                .andExpect(content().string(containsString("第 2 行：2031-02-03 重复出现")))
                .andExpect(content().string(containsString("第 3 行：“2031-02-30”不是日期")));
        assertThat(calendar.days(2031)).isEmpty();

        mvc.perform(post("/calendar/holidays").session(province).with(csrf()).param("year", "2031").param("source", "测试：2031年节假日安排")
                        .param("lines", "date,kind,name\n2031-02-03,HOLIDAY,春节\n2031-02-04,HOLIDAY,春节\n2031-02-08,WORKDAY,春节"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.days(2031)).hasSize(3);
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 2, 8))).isTrue();
        // Feb 3–4 off, Sat Feb 8 works: Feb 5, 6, 7 → Feb 7
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Obligation now = obligations.find(o.key()).orElseThrow();
            assertThat(now.due()).isEqualTo(LocalDate.of(2031, 2, 7));
            assertThat(now.provisional()).isFalse();
        });

        // a date added later to the announced year moves the deadlines it touches: Feb 5, 7 and Saturday Feb 8
        mvc.perform(post("/calendar/holidays").session(province).with(csrf()).param("year", "2031").param("source", "测试：补充通知")
                .param("lines", "2031-02-06,HOLIDAY,测试")).andExpect(status().is3xxRedirection());
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(obligations.find(o.key()).orElseThrow().due()).isEqualTo(LocalDate.of(2031, 2, 8)));

        mvc.perform(post("/calendar/holidays").session(province).with(csrf()).param("year", "2031").param("source", "again")
                .param("lines", "2031-02-03,HOLIDAY,春节")).andExpect(content().string(containsString("已在日历中")));
        mvc.perform(post("/calendar/holidays").session(Demo.login(mvc, "nb.city")).with(csrf()).param("year", "2031").param("source", "x")
                .param("lines", "2031-10-01,HOLIDAY,国庆节")).andExpect(status().isForbidden());
    }

    @Test
    void theApiComputesEachKindOfDeadlineAndExplainsIt() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadlines").with(httpBasic("beilun.power", Demo.PASSWORD))
                        .param("kind", "PENDING_OFFSET_RECALL").param("year", "2022").param("region", "330206").param("anchor", "2023-12-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2024-01-22"))
                .andExpect(jsonPath("$.rule").value("15 WORKING days after PERIOD_END"));
        mvc.perform(get("/api/v1/calendar/deadlines").with(httpBasic("beilun.power", Demo.PASSWORD))
                        .param("kind", "MONTHLY_DEPOSIT").param("year", "2024").param("region", "330206"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("anchor"));
        mvc.perform(get("/api/v1/calendar/working-days").with(httpBasic("beilun.power", Demo.PASSWORD)).param("from", "2024-09-27").param("days", "3"))
                .andExpect(jsonPath("$.workingDaysLater").value("2024-10-08"))
                .andExpect(jsonPath("$.naturalDaysLater").value("2024-09-30"));
        mvc.perform(get("/api/v1/calendar/policy-values").with(httpBasic("beilun.power", Demo.PASSWORD)).param("year", "2022").param("region", "330206"))
                .andExpect(jsonPath("$[?(@.parameter == 'GRID_EMISSION_FACTOR')].value").value("0.5703"));
        mvc.perform(post("/api/v1/calendar/policy-values").with(httpBasic("zj.officer", Demo.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"year\":2026,\"parameter\":\"GRID_EMISSION_FACTOR\",\"region\":\"33\",\"value\":\"0.55\",\"source\":\"test\",\"inForceFrom\":\"2026-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter the unit (tCO2/MWh)"));
    }

    @Test
    void badAddressesAndFieldsGetAnExplanationNotAnError() throws Exception {
        MockHttpSession city = Demo.login(mvc, "nb.city");
        mvc.perform(get("/calendar").param("year", "abc").session(city)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("参数“year”的值无效")));
        mvc.perform(get("/calendar/deadlines/NO_SUCH_DEADLINE").param("year", "2026").session(city)).andExpect(status().isBadRequest());
        mvc.perform(get("/inbox/calendar").param("month", "+999999999-12").session(city)).andExpect(status().isOk());
        mvc.perform(post("/calendar/deadlines/MONTHLY_DEPOSIT").session(city).with(csrf()).param("year", "2015").param("regionPrefix", "33020")
                        .param("offsetDays", "20").param("dayCount", "NATURAL").param("dayOffPolicy", "NEXT_WORKING_DAY").param("source", "s")
                        .param("inForceFrom", "2026-01-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("行政区划代码的前 2、4 或 6 位")));
        String check = mvc.perform(get("/calendar/holidays/check").param("from", "<img src=x onerror=alert(1)>").param("days", "1").session(city))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).doesNotContain("<img").contains("2000–2100");
        mvc.perform(get("/calendar/holidays/check").param("from", "2024-09-27").param("days", "3").session(city))
                .andExpect(content().string(containsString("2024-10-08")));
        mvc.perform(get("/api/v1/calendar/working-days").with(httpBasic("nb.city", Demo.PASSWORD)).param("from", "+999999999-12-31").param("days", "1"))
                .andExpect(status().isBadRequest());
    }

    private long count() {
        return jdbc.sql("select count(*) from calendar.policy_value").query(Long.class).single();
    }
}
