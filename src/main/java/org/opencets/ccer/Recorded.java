package org.opencets.ccer;

/**
 * What a request to the CCER registry produced, and whether it was a retry of one already recorded (the same id and
 * content, or the same project, account or binding again): then nothing changed.
 */
public record Recorded<T>(T value, boolean replayed) {
}
