package org.opencets.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.calendar.Deadline;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Reminders 7 days and 1 day before, and when overdue: each once, in the app and by email, whoever runs the job. */
@IntegrationTest
class RemindersTest {

    static final RegionCode BEILUN = RegionCode.of("330206");

    @Autowired
    Reminders reminders;
    @Autowired
    Obligations obligations;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Organisations organisations;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    Organisation plant;
    Obligation obligation;

    @BeforeEach
    void aPlantWithTwoPeopleAndAnObligation() {
        String uscc = Demo.freshUscc("330206");
        plant = organisations.registerUnchecked("提醒测试电厂 " + uscc, OrganisationKind.KEY_EMITTER, BEILUN, Uscc.of(uscc));
        people.createUnchecked(plant.id(), "r" + uscc.substring(8).toLowerCase(), "王工", "wang@plant.example", EnumSet.of(Role.OFFICER), Demo.PASSWORD);
        people.createUnchecked(plant.id(), "s" + uscc.substring(8).toLowerCase(), "李工", null, EnumSet.of(Role.ADMIN), Demo.PASSWORD);
        // 3 working days after Friday 2024-09-27 → 2024-10-08
        Deadline due = deadlines.dueAfter(DeadlineKind.DEPOSIT_CORRECTION, 2024, BEILUN, LocalDate.of(2024, 9, 27));
        obligation = obligations.open(new NewObligation("TEST:" + uscc, due, plant.id(), BEILUN, uscc, plant.name(), "1号机组", "2024-09", null));
    }

    @Test
    void eachStageGoesOutOnceToEveryoneInTheOrganisation() {
        LocalDate due = obligation.due();
        assertThat(due).isEqualTo(LocalDate.of(2024, 10, 8));

        assertThat(sentFor(due.minusDays(8))).isEmpty();
        assertThat(sentFor(due.minusDays(7))).containsExactly("DAYS_7");
        assertThat(sentFor(due.minusDays(7))).as("same day again").isEmpty();
        assertThat(sentFor(due.minusDays(3))).as("still in the 7-day stage").isEmpty();
        assertThat(sentFor(due.minusDays(1))).containsExactly("DAYS_1");
        assertThat(sentFor(due)).isEmpty();
        assertThat(sentFor(due.plusDays(1))).containsExactly("OVERDUE");
        assertThat(sentFor(due.plusDays(2))).isEmpty();

        assertThat(count("select count(*) from inbox.notification where obligation_id = ?")).isEqualTo(6); // 3 stages × 2 people
        assertThat(count("select count(*) from inbox.email where notification_id in (select id from inbox.notification where obligation_id = ?)"))
                .as("only the person with an email address gets mail").isEqualTo(3);
        String subject = jdbc.sql("select subject from inbox.email e join inbox.notification n on n.id = e.notification_id where n.obligation_id = ? and n.stage = 'OVERDUE'")
                .param(obligation.id()).query(String.class).single();
        assertThat(subject).contains("存证核实更正", "已逾期", "2024-10-08");
    }

    @Test
    void aLateStartSendsOnlyTheCurrentStage() {
        assertThat(sentFor(obligation.due().plusDays(3))).containsExactly("OVERDUE");
        assertThat(sentFor(obligation.due().minusDays(1))).as("never an earlier stage after a later one").isEmpty();
    }

    @Test
    void onTheDueDayTheReminderSaysToday() {
        assertThat(sentFor(obligation.due())).containsExactly("DAYS_1");
        assertThat(jdbc.sql("select subject from inbox.email e join inbox.notification n on n.id = e.notification_id where n.obligation_id = ?")
                .param(obligation.id()).query(String.class).single()).contains("今日（2024-10-08）到期");
    }

    @Test
    void aClosedObligationIsNotReminded() {
        obligations.close(obligation.key(), Obligation.Outcome.DONE, "test");
        assertThat(sentFor(obligation.due().minusDays(1))).isEmpty();
    }

    @Test
    void severalInstancesRunningAtOnceStillSendEachReminderOnce() throws Exception {
        LocalDate day = obligation.due().minusDays(1);
        List<Callable<Reminders.Run>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(() -> reminders.remind(day));
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var f : pool.invokeAll(runs)) {
                f.get();
            }
        }
        assertThat(count("select count(*) from inbox.reminder where obligation_id = ?")).isEqualTo(1);
        assertThat(count("select count(*) from inbox.notification where obligation_id = ?")).isEqualTo(2);
    }

    @Test
    void theOutboxSendsEachEmailOnceAndRetriesFailures() {
        sentFor(obligation.due().plusDays(1));
        List<String> delivered = new ArrayList<>();
        boolean[] smtpDown = {true};
        EmailOutbox outbox = new EmailOutbox(jdbc, (to, subject, body) -> {
            if (smtpDown[0]) {
                throw new IllegalStateException("connection refused");
            }
            delivered.add(to);
        }, transaction);
        outbox.sendPending();
        assertThat(delivered).isEmpty();
        assertThat(jdbc.sql("select last_error from inbox.email e join inbox.notification n on n.id = e.notification_id where n.obligation_id = ?")
                .param(obligation.id()).query(String.class).single()).contains("connection refused");
        smtpDown[0] = false;
        outbox.sendPending();
        outbox.sendPending();
        assertThat(delivered).containsOnlyOnce("wang@plant.example");
    }

    private List<String> sentFor(LocalDate today) {
        List<String> before = stages();
        reminders.remind(today);
        List<String> after = new ArrayList<>(stages());
        after.removeAll(before);
        return after;
    }

    private List<String> stages() {
        return jdbc.sql("select stage from inbox.reminder where obligation_id = ? order by sent_at").param(obligation.id()).query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(obligation.id()).query(Long.class).single();
    }
}
