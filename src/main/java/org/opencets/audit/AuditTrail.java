package org.opencets.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Records and reads the history of records; the actor is the authenticated user of the request. */
@Service
public class AuditTrail {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Must run inside the caller's transaction so that the change and its record commit together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String subjectType, Object subjectId, String action, Map<String, ?> before, Map<String, ?> after, String note) {
        jdbc.sql("""
                insert into audit.change (actor, subject_type, subject_id, action, before_state, after_state, note)
                values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""")
                .params(actor(), subjectType, String.valueOf(subjectId), action,
                        before == null ? null : json.writeValueAsString(before),
                        after == null ? null : json.writeValueAsString(after), note)
                .update();
    }

    public List<Change> history(String subjectType, Object subjectId) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, before_state, after_state, note from audit.change
                where subject_type = ? and subject_id = ? order by occurred_at desc, id desc""")
                .params(subjectType, String.valueOf(subjectId))
                .query(this::map).list();
    }

    private Change map(ResultSet rs, int row) throws SQLException {
        return new Change(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), read(rs.getString("before_state")), read(rs.getString("after_state")), rs.getString("note"));
    }

    private Map<String, Object> read(String text) {
        return text == null ? Map.of() : json.readValue(text, MAP);
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null ? "system" : authentication.getName();
    }

}
