package org.opencets.verification;

import java.util.Optional;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The final verified emissions of an emitter and year, as last published (for modules that ask instead of listening). */
@Service
public class VerifiedEmissions {

    private final JdbcClient jdbc;
    private final TaskStore tasks;
    private final WorkStore work;

    VerifiedEmissions(JdbcClient jdbc, TaskStore tasks, WorkStore work) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.work = work;
    }

    public Optional<VerifiedEmissionsFinalised> current(Uscc emitter, int year) {
        return jdbc.sql("""
                select task_id, conclusion_id, revision, published_at from verification.published_result where emitter_uscc = ? and data_year = ?
                order by revision desc limit 1""").params(emitter.value(), year).query((rs, n) -> {
            var task = tasks.find(rs.getObject("task_id", java.util.UUID.class)).orElseThrow();
            java.util.UUID conclusionId = rs.getObject("conclusion_id", java.util.UUID.class);
            int revision = rs.getInt("revision");
            var conclusions = work.conclusions(task.id());
            var c = conclusions.stream().filter(x -> x.id().equals(conclusionId)).findFirst().orElseThrow();
            var previous = revision == 1 ? null : jdbc.sql("select conclusion_id from verification.published_result where task_id = ? and revision = ?")
                    .params(task.id(), revision - 1).query(java.util.UUID.class).optional()
                    .flatMap(id -> conclusions.stream().filter(x -> x.id().equals(id)).findFirst()).orElse(null);
            return new VerifiedEmissionsFinalised(task.id(), c.id(), task.emitter(), task.emitterName(), task.region(), task.year(), revision,
                    c.verifiedTotal(), c.verifiedCompliance(), c.lines(), previous == null ? null : previous.verifiedTotal(),
                    previous == null ? null : previous.verifiedCompliance(), rs.getTimestamp("published_at").toInstant());
        }).optional();
    }
}
