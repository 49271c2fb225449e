package org.opencets.mrv;

import java.time.Instant;
import java.util.List;

/** A dated, attributed state change of a plan or deposit, with the reasons when it was returned. */
public record ReviewEvent(String action, String actor, String actorOrganisation, Instant at, List<String> reasons) {
}
