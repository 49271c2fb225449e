package org.opencets.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of the ledger's invariant check: per unit type and vintage, issued − cancelled − surrendered = Σ holdings;
 * every cached balance = Σ its transfers; every operation has exactly its legs; every decided reservation resolved
 * once. {@code totals} per "unit vintage": issued, surrendered, cancelled, held.
 */
public record InvariantCheck(long id, Instant startedAt, Instant finishedAt, String triggeredBy, boolean passed, long transfersChecked,
        long holdingsChecked, Map<String, Map<String, Long>> totals, List<String> violations) {

    public long millis() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
