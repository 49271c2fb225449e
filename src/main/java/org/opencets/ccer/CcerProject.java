package org.opencets.ccer;

import java.time.Instant;

/**
 * A registered voluntary emission-reduction project whose certified reductions (CCER) are issued here.
 *
 * @param inNationalEts the project lies inside the national ETS: its CCER may not offset allowances (the ETS registry
 *     judges that; this registry only says so)
 */
public record CcerProject(String projectNumber, String name, String type, String methodology, boolean inNationalEts, Instant registeredAt) {
}
