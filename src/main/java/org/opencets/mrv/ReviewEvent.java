package org.opencets.mrv;

import java.time.Instant;
import java.util.List;

/** A dated, attributed state change of a plan or deposit, with the reasons when it was returned. */
public record ReviewEvent(String action, String actor, String actorOrganisation, Instant at, List<String> reasons) {

    /** The reasons of the latest return in a history (empty when it was never returned), shown to the emitter. */
    static List<String> lastReturnReasons(List<ReviewEvent> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!history.get(i).reasons().isEmpty() && history.get(i).action().endsWith("RETURNED")) {
                return history.get(i).reasons();
            }
        }
        return List.of();
    }
}
