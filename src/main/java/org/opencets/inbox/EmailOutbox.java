package org.opencets.inbox;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the emails the reminders wrote. A batch is claimed in a short transaction ({@code SKIP LOCKED}, a claim
 * that expires), then each email is sent and marked on its own, so two instances never send the same one and a
 * crash resends at most the email in flight. A failure is counted and retried next run (at most 5 attempts).
 */
@Service
class EmailOutbox {

    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final EmailSender sender;
    private final TransactionTemplate transaction;

    EmailOutbox(JdbcClient jdbc, EmailSender sender, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.transaction = transaction;
    }

    record Pending(UUID id, String recipient, String subject, String body) {
    }

    /** Sends up to 200 pending emails (the job runs every minute); returns how many went out. */
    int sendPending() {
        List<Pending> claimed = claim();
        int sent = 0;
        for (Pending email : claimed) {
            try {
                sender.send(email.recipient(), email.subject(), email.body());
                jdbc.sql("update inbox.email set sent_at = now(), attempts = attempts + 1, claimed_until = null where id = ?")
                        .param(email.id()).update();
                sent++;
            } catch (RuntimeException e) {
                String error = String.valueOf(e.getMessage());
                jdbc.sql("update inbox.email set attempts = attempts + 1, last_error = ?, claimed_until = null where id = ?")
                        .params(error.substring(0, Math.min(500, error.length())), email.id()).update();
            }
        }
        return sent;
    }

    /** Claims a batch for this instance for 10 minutes; rows another instance holds are skipped. */
    private List<Pending> claim() {
        List<Pending> claimed = transaction.execute(tx -> jdbc.sql("""
                update inbox.email set claimed_until = now() + interval '10 minutes'
                where id in (select id from inbox.email
                             where sent_at is null and attempts < ? and (claimed_until is null or claimed_until < now())
                             order by created_at limit 200 for update skip locked)
                returning id, recipient, subject, body, created_at""")
                .param(MAX_ATTEMPTS).query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"))).list());
        return claimed == null ? List.of() : claimed;
    }
}
