package org.opencets.ccer;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencets.registry.CcerOffsetRequested;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Stands in for the ETS registry's inbox in tests: every {@link CcerOffsetRequested} that was committed, in order. Tests
 * look at the requests of their own fresh accounts only (the context is shared).
 */
@Component
class RecordedOffsetRequests {

    private final List<CcerOffsetRequested> received = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(CcerOffsetRequested request) {
        received.add(request);
    }

    List<CcerOffsetRequested> forAccount(String ccerAccount) {
        return received.stream().filter(r -> r.ccerAccount().equals(ccerAccount)).toList();
    }

    List<CcerOffsetRequested> forLot(UUID offsetId) {
        return received.stream().filter(r -> r.offsetId().equals(offsetId)).toList();
    }
}
