package org.opencets.shared;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Records workflow steps with a past time instead of the clock's: for loading history (the demo region, a
 * migration from the national platform). Only the current thread is affected.
 */
public final class Backdating {

    private static final ThreadLocal<Instant> AT = new ThreadLocal<>();

    private Backdating() {
    }

    public static <T> T at(Instant when, Supplier<T> steps) {
        Instant before = AT.get();
        AT.set(when);
        try {
            return steps.get();
        } finally {
            if (before == null) {
                AT.remove();
            } else {
                AT.set(before);
            }
        }
    }

    /** The time being loaded, or null for now. */
    static Instant current() {
        return AT.get();
    }
}
