package org.opencets.inbox;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled side of reminders. Each job holds a database lock while it runs, so with several instances one
 * runs it; the reminder and outbox tables make a repeated run harmless anyway.
 */
@Component
class ReminderJobs {

    private static final Logger log = LoggerFactory.getLogger(ReminderJobs.class);

    private final Reminders reminders;
    private final EmailOutbox outbox;
    private final Obligations obligations;

    ReminderJobs(Reminders reminders, EmailOutbox outbox, Obligations obligations) {
        this.reminders = reminders;
        this.outbox = outbox;
        this.obligations = obligations;
    }

    /** Hourly by default, so a reminder goes out in the first hour of the day it is due (Beijing time). */
    @Scheduled(cron = "${opencets.reminders.cron:0 5 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "inbox.reminders", lockAtMostFor = "PT30M")
    void remind() {
        Reminders.Run run = reminders.remind(obligations.today());
        if (run.reminders() > 0) {
            log.info("Reminders: {} sent to {} people", run.reminders(), run.notifications());
        }
    }

    @Scheduled(cron = "${opencets.email.cron:30 * * * * *}")
    @SchedulerLock(name = "inbox.email", lockAtMostFor = "PT10M")
    void sendEmail() {
        outbox.sendPending();
    }
}
