package org.opencets.verification;

import java.time.Instant;

/** One step in a task's history: who did what, when. */
public record TaskEvent(String action, String actor, String actorOrganisation, Instant at, String detail) {
}
