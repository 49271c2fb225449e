package org.opencets.ccer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only movement log, and the only way holdings change. A request id is taken once: asked again with the
 * same content it answers with the first movement, with other content it refuses (and nothing changes). Must run
 * inside the caller's transaction.
 */
@Component
class Movements {

    /** What a request moves; {@code from} or {@code to} null where no holding is touched on that side. */
    record Move(String requestId, CcerMovement.Kind kind, String accountId, String project, CcerHoldingState from, CcerHoldingState to, long quantity,
            UUID offsetId) {
    }

    private final JdbcClient jdbc;
    private final CcerStore store;

    Movements(JdbcClient jdbc, CcerStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * Holds the request id until the transaction ends (a concurrent duplicate waits here, then sees the first outcome)
     * and returns the movement already recorded under it, if any, when it is the same request.
     */
    Optional<CcerMovement> previous(String requestId, String content) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 1717))").param("ccer:" + requestId).query((rs, n) -> 1).list();
        Optional<String> sha = jdbc.sql("select content_sha256 from ccer.movement where request_id = ?").param(requestId).query(String.class).optional();
        if (sha.isEmpty()) {
            return Optional.empty();
        }
        if (!sha.get().equals(sha256(content))) {
            throw new ValidationFailed(FieldViolation.of("id", "ccer.request.reused", "This id was already used for a different request: nothing was done",
                    requestId));
        }
        return byRequestId(requestId);
    }

    /** Moves the quantity between the holdings named and logs it; refused (throws, so the transaction rolls back) when the source holds less. */
    CcerMovement record(Move m, String content, java.util.UUID recordedBy, String recorderName, Instant at) {
        if (m.from() != null && !store.take(m.accountId(), m.project(), m.from(), m.quantity())) {
            throw new ValidationFailed(FieldViolation.of("quantity", "ccer.quantity.insufficient", "Only {0} tCO2e of {1} are {2}",
                    store.balance(m.accountId(), m.project(), m.from()), m.project(), m.from().name()));
        }
        if (m.to() != null) {
            store.put(m.accountId(), m.project(), m.to(), m.quantity());
        }
        jdbc.sql("""
                insert into ccer.movement (request_id, kind, content_sha256, account_id, project_number, from_state, to_state, quantity, offset_id,
                  recorded_by, recorder_name, recorded_at) values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(m.requestId(), m.kind().name(), sha256(content), m.accountId(), m.project(), m.from() == null ? null : m.from().name(),
                        m.to() == null ? null : m.to().name(), m.quantity(), m.offsetId(), recordedBy, recorderName, Timestamp.from(at))
                .update();
        return new CcerMovement(m.requestId(), m.kind(), m.accountId(), m.project(), m.from(), m.to(), m.quantity(), m.offsetId(), recorderName, at);
    }

    Optional<CcerMovement> byRequestId(String requestId) {
        return jdbc.sql("select * from ccer.movement where request_id = ?").param(requestId).query(Movements::movement).optional();
    }

    List<CcerMovement> ofAccount(String accountId, int limit) {
        return jdbc.sql("select * from ccer.movement where account_id = ? order by recorded_at desc, id desc limit ?").params(accountId, limit)
                .query(Movements::movement).list();
    }

    private static CcerMovement movement(ResultSet rs, int n) throws SQLException {
        String from = rs.getString("from_state");
        String to = rs.getString("to_state");
        return new CcerMovement(rs.getString("request_id"), CcerMovement.Kind.valueOf(rs.getString("kind")), rs.getString("account_id"),
                rs.getString("project_number"), from == null ? null : CcerHoldingState.valueOf(from), to == null ? null : CcerHoldingState.valueOf(to),
                rs.getLong("quantity"), rs.getObject("offset_id", UUID.class), rs.getString("recorder_name"), rs.getTimestamp("recorded_at").toInstant());
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
