package org.opencets.inbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opencets.identity.People;
import org.opencets.identity.Person;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the responsible organisation's people 7 days and 1 day before a due date and when it becomes overdue:
 * an in-app notification and an email (outbox) each. A reminder row per obligation and stage, inserted in the same
 * transaction, makes every stage go out once however many instances or restarts run this.
 */
@Service
public class Reminders {

    private static final Locale MAIL_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Reminders.class);

    private final JdbcClient jdbc;
    private final Obligations obligations;
    private final People people;
    private final MessageSource messages;
    private final TransactionTemplate transaction;

    Reminders(JdbcClient jdbc, Obligations obligations, People people, MessageSource messages, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.obligations = obligations;
        this.people = people;
        this.messages = messages;
        this.transaction = transaction;
    }

    /** What one run did: reminders (obligation × stage) and notifications created. */
    public record Run(int reminders, int notifications) {
    }

    public Run remind(LocalDate today) {
        int reminders = 0;
        int notifications = 0;
        for (Obligation candidate : obligations.openDueBy(today.plusDays(7))) {
            try {
                Integer sent = transaction.execute(tx -> remindOnce(candidate.id(), today));
                if (sent != null && sent >= 0) {
                    reminders++;
                    notifications += sent;
                }
            } catch (RuntimeException e) {
                // one bad row must not keep everyone after it from being reminded; the next run tries it again
                log.error("Reminder for obligation {} failed", candidate.key(), e);
            }
        }
        return new Run(reminders, notifications);
    }

    /**
     * −1 when nothing is due (closed meanwhile, moved, or this stage or a later one already sent); else the number
     * of people notified. The obligation is re-read under a row lock: it may have been closed since the run began.
     */
    private int remindOnce(UUID obligationId, LocalDate today) {
        Obligation o = jdbc.sql(Obligations.SELECT + " where id = ? and closed_at is null for update").param(obligationId)
                .query(Obligations::map).optional().orElse(null);
        if (o == null) {
            return -1;
        }
        long daysLeft = o.daysLeft(today);
        ReminderStage stage = ReminderStage.forDaysLeft(daysLeft).orElse(null);
        if (stage == null) {
            return -1;
        }
        boolean alreadyAtStage = jdbc.sql("select stage from inbox.reminder where obligation_id = ?").param(o.id()).query(String.class).list()
                .stream().anyMatch(sent -> ReminderStage.valueOf(sent).ordinal() >= stage.ordinal());
        if (alreadyAtStage) {
            return -1;
        }
        int inserted = jdbc.sql("insert into inbox.reminder (obligation_id, stage, days_left) values (?, ?, ?) on conflict do nothing")
                .params(o.id(), stage.name(), daysLeft).update();
        if (inserted == 0) {
            return -1;
        }
        int notified = 0;
        for (Person person : people.activeMembersOf(o.responsibleOrganisation())) {
            UUID notification = UUID.randomUUID();
            jdbc.sql("insert into inbox.notification (id, person_id, obligation_id, stage, days_left) values (?, ?, ?, ?, ?)")
                    .params(notification, person.id(), o.id(), stage.name(), daysLeft).update();
            notified++;
            if (person.email() != null && !person.email().isBlank()) {
                jdbc.sql("insert into inbox.email (id, notification_id, recipient, subject, body) values (?, ?, ?, ?, ?)")
                        .params(UUID.randomUUID(), notification, person.email(), subject(o, stage, daysLeft), body(o, stage, daysLeft, person)).update();
            }
        }
        return notified;
    }

    String title(Obligation o, Locale locale) {
        return ObligationText.title(o, messages, locale);
    }

    private String subject(Obligation o, ReminderStage stage, long daysLeft) {
        String key = daysLeft == 0 ? "reminder.subject.TODAY" : "reminder.subject." + stage.name();
        String subject = messages.getMessage(key, new Object[] {title(o, MAIL_LOCALE), o.due().toString()}, MAIL_LOCALE);
        return subject.length() <= 300 ? subject : subject.substring(0, 299) + "…";
    }

    private String body(Obligation o, ReminderStage stage, long daysLeft, Person person) {
        return messages.getMessage("reminder.body", new Object[] {person.displayName(), title(o, MAIL_LOCALE), o.due().toString(),
                String.valueOf(Math.abs(daysLeft)), messages.getMessage("reminder.state." + stage.name(), null, MAIL_LOCALE),
                o.link() == null ? "/inbox" : o.link()}, MAIL_LOCALE);
    }
}
