package org.opencets.mrv;

import java.time.YearMonth;
import java.util.UUID;
import org.opencets.shared.Uscc;

/** The city has completed a unit-month: this version is the one the annual report compiles from. */
public record MonthlyDepositApproved(UUID depositId, Uscc emitter, UUID unitId, String unitCode, YearMonth month, int depositVersion) {
}
