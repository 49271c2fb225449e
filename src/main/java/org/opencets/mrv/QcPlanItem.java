package org.opencets.mrv;

import java.math.BigDecimal;
import org.opencets.directory.Fuel;

/**
 * How one parameter is obtained under a QC plan: measured (with instrument and calibration, or lab, and frequency),
 * a default, or calculated; and the default used when a measurement is missing.
 */
public record QcPlanItem(Parameter parameter, Fuel fuel, MeasurementBasis basis, String method, String instrument, String calibration,
        String lab, String frequency, BigDecimal defaultValue) {

    public String field() {
        return MonthlyValue.field(parameter, fuel);
    }
}
