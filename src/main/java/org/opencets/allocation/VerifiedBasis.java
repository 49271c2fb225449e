package org.opencets.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencets.directory.UnitCategory;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * The verified data allocation uses for an emitter and year: a revision from verification's published result or an
 * import. {@code units} is empty when only the entity's figures are known (enough as a pre-allocation basis).
 */
public record VerifiedBasis(UUID id, Uscc emitter, String emitterName, RegionCode region, int year, int revision, Source source, String reference,
        BigDecimal verifiedTotal, BigDecimal verifiedCompliance, List<Unit> units, String recordedBy, Instant recordedAt) {

    public enum Source { VERIFICATION, IMPORT }

    public VerifiedBasis {
        units = List.copyOf(units);
    }

    /** One unit's verified data; category, capacity and hours may be missing (the allocation then refuses). */
    public record Unit(String unit, UnitCategory category, BigDecimal ratedCapacityMw, BigDecimal generationMwh, BigDecimal heatGj,
            BigDecimal operatingHours, BigDecimal emissions) {
    }
}
