package org.opencets.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A logged random draw: the seed, every task's candidates (and the firms excluded, with why), the result. Logged in the
 * same transaction that applies it, before anyone sees the outcome; anyone can recompute it from the seed and inputs.
 */
public record Draw(UUID id, int year, String region, Purpose purpose, String seed, String algorithm, List<Entry> entries, Map<String, String> result,
        Instant drawnAt, String drawnBy) {

    public enum Purpose { ASSIGNMENT, REVERIFICATION }

    /** One task: the emitter, its eligible firms (USCC) and the excluded ones with their conflict codes. */
    public record Entry(String taskId, String emitter, String emitterName, List<String> candidates, Map<String, List<String>> excluded) {
    }
}
