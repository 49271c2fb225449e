package org.opencets.compliance;

import org.opencets.registry.SurrenderDecided;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears the registry's decision on a surrender and records it on the request revision it carried — whether the
 * province decided on the review page or in the registry's queue. A redelivery changes nothing.
 */
@Component
class SurrenderDecisions {

    private final ComplianceStore store;

    SurrenderDecisions(ComplianceStore store) {
        this.store = store;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(SurrenderDecided decision) {
        if (decision.idempotencyId().startsWith("compliance:")) {
            store.decide(decision.operationId(), decision.approved(), decision.decidedBy(), decision.decidedAt());
        }
    }
}
