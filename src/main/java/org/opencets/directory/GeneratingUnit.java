package org.opencets.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A generating unit (机组) of a facility. */
public record GeneratingUnit(UUID id, UUID emitterId, UUID facilityId, String facilityName, String unitCode,
        BigDecimal ratedCapacityMw, UnitCategory category, List<Fuel> fuels, CoolingType coolingType,
        LocalDate commissioningDate, LocalDate shutdownDate, int version) {

    public boolean isOperatingOn(LocalDate day) {
        return !commissioningDate.isAfter(day) && (shutdownDate == null || shutdownDate.isAfter(day));
    }
}
