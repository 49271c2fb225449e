package org.opencets.mrv;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.directory.Fuel;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/** One version of a unit's data quality control plan (数据质量控制计划) for a year. */
public record QcPlan(UUID id, Uscc emitter, String emitterName, RegionCode region, UUID unitId, String unitCode, int year,
        int planVersion, UUID replaces, String revisionReason, PlanStatus status, int version, Instant createdAt, String createdBy,
        List<QcPlanItem> items) {

    public Optional<QcPlanItem> item(Parameter parameter, Fuel fuel) {
        return items.stream().filter(i -> i.parameter() == parameter && i.fuel() == fuel).findFirst();
    }
}
