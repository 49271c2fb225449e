package org.opencets.inbox;

import java.time.LocalDate;
import java.util.EnumSet;
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

/**
 * Benchmark (not part of the suite; run {@code bench/reminders.sh}): a deadline day for a whole province — every
 * unit's monthly deposit due at once — through the reminder job and the email outbox.
 */
@IntegrationTest
class RemindersBench {

    static final int EMITTERS = Integer.parseInt(System.getenv().getOrDefault("BENCH_EMITTERS", "2000"));
    static final int UNITS_PER_EMITTER = 4;

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

    @Test
    void deadlineDayForAProvince() {
        RegionCode region = RegionCode.of("330206");
        Deadline due = deadlines.dueAfter(DeadlineKind.DEPOSIT_CORRECTION, 2024, region, LocalDate.of(2024, 9, 27)); // 2024-10-08
        java.util.List<Organisation> plants = new java.util.ArrayList<>();
        for (int e = 0; e < EMITTERS; e++) { // setup, not timed: people get bcrypt-hashed passwords
            String uscc = Demo.freshUscc("330206");
            Organisation org = organisations.registerUnchecked("基准测试电厂" + e + uscc, OrganisationKind.KEY_EMITTER, region, Uscc.of(uscc));
            people.createUnchecked(org.id(), "b" + uscc.toLowerCase(), "基准", "b" + e + "@bench.example", EnumSet.of(Role.OFFICER), "x");
            plants.add(org);
        }
        long t0 = System.nanoTime();
        for (Organisation org : plants) {
            String uscc = org.uscc().value();
            for (int u = 1; u <= UNITS_PER_EMITTER; u++) {
                obligations.open(new NewObligation("BENCH:" + uscc + ":" + u, due, org.id(), region, uscc, org.name(), u + "号机组", "2024-09", null));
            }
        }
        long opened = System.nanoTime();
        Reminders.Run run = reminders.remind(due.due().plusDays(1));
        long reminded = System.nanoTime();
        Reminders.Run again = reminders.remind(due.due().plusDays(1));
        long repeated = System.nanoTime();
        EmailOutbox outbox = new EmailOutbox(jdbc, (to, subject, body) -> { }, transaction);
        int sent = 0;
        for (int batch = outbox.sendPending(); batch > 0; batch = outbox.sendPending()) {
            sent += batch;
        }
        long mailed = System.nanoTime();
        int obligationsOpened = EMITTERS * UNITS_PER_EMITTER;
        System.out.printf("BENCH obligations opened: %d in %d ms (%.0f/s)%n", obligationsOpened, ms(t0, opened), obligationsOpened / sec(t0, opened));
        System.out.printf("BENCH reminder run: %d reminders, %d notifications in %d ms (%.0f reminders/s)%n", run.reminders(), run.notifications(),
                ms(opened, reminded), run.reminders() / sec(opened, reminded));
        System.out.printf("BENCH repeated run (nothing to send): %d reminders in %d ms%n", again.reminders(), ms(reminded, repeated));
        System.out.printf("BENCH outbox: %d emails in %d ms (%.0f/s, no-op sender)%n", sent, ms(repeated, mailed), sent / sec(repeated, mailed));
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static double sec(long from, long to) {
        return Math.max(1, to - from) / 1e9;
    }
}
