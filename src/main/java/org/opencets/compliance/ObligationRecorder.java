package org.opencets.compliance;

import org.opencets.allocation.AllocationFinalised;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records each final allocation decision's surrender obligation (its latest revision wins). */
@Component
class ObligationRecorder {

    private final ComplianceStore store;
    private final org.opencets.shared.WorkClock clock;

    ObligationRecorder(ComplianceStore store, org.opencets.shared.WorkClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(AllocationFinalised f) {
        store.recordObligation(new Obligation(f.emitter().value(), f.emitterName(), f.region().value(), f.year(), f.obligation(), f.specialCase(),
                f.revision()), f.decisionId(), clock.now());
    }
}
