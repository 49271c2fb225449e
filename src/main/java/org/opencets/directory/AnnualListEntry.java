package org.opencets.directory;

import java.util.Map;
import java.util.UUID;
import org.opencets.directory.InclusionSuggestion.Decision;

/** One emitter on a proposed list: the district's decision, the rules' suggestion and the known emissions. */
public record AnnualListEntry(UUID emitterId, String uscc, String name, String regionCode, String industryCode, Decision decision,
        String note, InclusionSuggestion suggestion, Map<Integer, Long> emissions) {

    public boolean followsSuggestion() {
        return suggestion.decision() == decision;
    }
}
