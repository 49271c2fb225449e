package org.opencets.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The emitter's objection (异议) to a conclusion and the city's decision after coordinating emitter and firm. */
public record Objection(UUID id, UUID taskId, UUID conclusionId, String grounds, Instant filedAt, String filedBy, LocalDate decideBy,
        Decision decision, String decisionText, Instant decidedAt, String decidedBy, List<Note> notes) {

    public enum Decision { UPHELD, REJECTED }

    public record Note(String note, Instant at, String by) {
    }

    public boolean open() {
        return decision == null;
    }
}
