package org.opencets.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * An emitter's verified emissions for a data year are final (no objection pending, the window closed or the city
 * decided). Published once per final conclusion: revision 1 first, and a later correction (a re-verification, an
 * upheld objection after a re-verification) as revision 2, 3, … carrying the figures it replaces. Allocation and
 * compliance build on it.
 *
 * @param previousCompliance the compliance emissions this revision replaces; null for revision 1
 */
public record VerifiedEmissionsFinalised(UUID taskId, UUID conclusionId, Uscc emitter, String emitterName, RegionCode region, int year, int revision,
        BigDecimal verifiedTotal, BigDecimal verifiedCompliance, List<Conclusion.Line> units, BigDecimal previousTotal, BigDecimal previousCompliance,
        Instant finalisedAt) {
}
