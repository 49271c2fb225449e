package org.opencets.mrv;

import java.util.List;
import org.opencets.calendar.Deadline;
import org.opencets.directory.KeyEmitter;
import org.opencets.shared.FieldViolation;

/**
 * What the report page shows: the live version (null before the emitter starts one), its figures (live while a draft,
 * frozen once submitted), the deadline, why it cannot be submitted yet, its review history and earlier versions.
 */
public record AnnualReportView(KeyEmitter emitter, int year, AnnualReport report, ReportFigures figures, Deadline due,
        List<FieldViolation> blockers, List<ReviewEvent> history, List<AnnualReport> versions, SupplementaryTable table) {

    public boolean submittable() {
        return blockers.isEmpty();
    }

    public boolean power() {
        return figures instanceof ReportFigures.Power;
    }
}
