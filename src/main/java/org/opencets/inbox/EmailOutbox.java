package org.opencets.inbox;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the emails the reminders wrote. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} so two instances
 * never send the same one; a failure is counted and retried next run (at most 5 attempts).
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
        Integer sent = transaction.execute(tx -> sendBatch());
        return sent == null ? 0 : sent;
    }

    private int sendBatch() {
        List<Pending> pending = jdbc.sql("""
                select id, recipient, subject, body from inbox.email where sent_at is null and attempts < ?
                order by created_at limit 200 for update skip locked""")
                .param(MAX_ATTEMPTS).query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"))).list();
        int sent = 0;
        for (Pending email : pending) {
            try {
                sender.send(email.recipient(), email.subject(), email.body());
                jdbc.sql("update inbox.email set sent_at = now(), attempts = attempts + 1 where id = ?").param(email.id()).update();
                sent++;
            } catch (RuntimeException e) {
                String error = String.valueOf(e.getMessage());
                jdbc.sql("update inbox.email set attempts = attempts + 1, last_error = ? where id = ?")
                        .params(error.substring(0, Math.min(500, error.length())), email.id()).update();
            }
        }
        return sent;
    }
}
