package org.opencets.verification;

import org.opencets.shared.WorkClock;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes a conclusion final and tells the other modules, once: the published_result row (unique per conclusion and per
 * revision) is written in the same transaction as the event publication, so a retry publishes nothing twice.
 */
@Component
class ResultPublisher {

    private final TaskStore tasks;
    private final WorkStore work;
    private final ApplicationEventPublisher events;
    private final WorkClock clock;

    ResultPublisher(TaskStore tasks, WorkStore work, ApplicationEventPublisher events, WorkClock clock) {
        this.tasks = tasks;
        this.work = work;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes the task's latest conclusion unless it is already the published one; returns whether it published. */
    boolean publish(VerificationTask t, String by, String org) {
        Conclusion c = work.latestConclusion(t.id()).orElseThrow();
        Optional<UUID> last = work.lastPublishedConclusion(t.id());
        if (last.isPresent() && last.get().equals(c.id())) {
            return false;
        }
        Conclusion previous = last.flatMap(id -> work.conclusions(t.id()).stream().filter(x -> x.id().equals(id)).findFirst()).orElse(null);
        int revision = work.publishedRevisions(t.id()) + 1;
        if (!work.recordPublished(t.id(), c, revision, t.emitter().value(), t.year(), clock.now())) {
            return false;
        }
        tasks.event(t.id(), revision == 1 ? "PUBLISHED" : "PUBLISHED_CORRECTION", by, org, clock.now(),
                "r" + revision + " · " + c.verifiedCompliance().toPlainString() + " t");
        BigDecimal prevTotal = previous == null ? null : previous.verifiedTotal();
        BigDecimal prevCompliance = previous == null ? null : previous.verifiedCompliance();
        events.publishEvent(new VerifiedEmissionsFinalised(t.id(), c.id(), t.emitter(), t.emitterName(), t.region(), t.year(), revision, c.verifiedTotal(),
                c.verifiedCompliance(), c.lines(), prevTotal, prevCompliance, clock.now()));
        return true;
    }
}
