package org.opencets.registry;

import java.time.Instant;
import java.util.UUID;
import org.opencets.shared.Uscc;

/**
 * One effective surrender for a compliance year: an emitter's (approved by its province) or a forced one the registry
 * made for it from the provincial account; allowances and CCER in tonnes. {@code at} is when the request was made (the
 * reservation): a request made by the deadline and approved after it is on time (seed 001 第三步 asks for the request
 * "前" the date; the province's review takes its own time).
 */
public record Surrendered(UUID operationId, Uscc emitter, int year, boolean forced, long allowances, long ccer, Instant at) {

    public long total() {
        return allowances + ccer;
    }
}
