package org.opencets.registry;

/** What a request to the registry produced, and whether it was a retry of one already recorded (same id, same content). */
public record Submitted(Operation operation, boolean replayed) {
}
