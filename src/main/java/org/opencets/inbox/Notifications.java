package org.opencets.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencets.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A person's in-app reminders. */
@Service
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Notification(UUID id, Obligation obligation, String stage, int daysLeft, Instant createdAt, Instant readAt) {
        public boolean isUnread() {
            return readAt == null;
        }
    }

    public List<Notification> recent(CurrentUser user) {
        if (user.userId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                select n.id as notification_id, n.stage, n.days_left, n.created_at as notified_at, n.read_at, o.*
                from inbox.notification n join inbox.obligation o on o.id = n.obligation_id
                where n.person_id = ? order by n.created_at desc, o.due_date limit 100""")
                .param(user.userId())
                .query((rs, row) -> new Notification(rs.getObject("notification_id", UUID.class), Obligations.map(rs, row),
                        rs.getString("stage"), rs.getInt("days_left"), rs.getTimestamp("notified_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    public long unread(CurrentUser user) {
        if (user.userId() == null) {
            return 0;
        }
        return jdbc.sql("select count(*) from inbox.notification where person_id = ? and read_at is null").param(user.userId())
                .query(Long.class).single();
    }

    public void markAllRead(CurrentUser user) {
        jdbc.sql("update inbox.notification set read_at = now() where person_id = ? and read_at is null").param(user.userId()).update();
    }
}
