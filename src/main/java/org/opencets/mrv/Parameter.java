package org.opencets.mrv;

import java.util.Optional;
import org.opencets.directory.Fuel;

/**
 * The monthly parameters of seed 002 §二(二) a power unit deposits. Fuel parameters are given per fuel the unit burns;
 * gas is measured in 10⁴Nm³ instead of tonnes. Carbon content is the as-received element carbon (C_ar).
 */
public enum Parameter {
    FUEL_CONSUMPTION(true, "t", "10⁴Nm³", EvidenceKind.FUEL_RECORD),
    NCV(true, "GJ/t", "GJ/10⁴Nm³", EvidenceKind.LAB_REPORT),
    CARBON_CONTENT(true, "tC/t", "tC/10⁴Nm³", EvidenceKind.LAB_REPORT),
    GENERATION(false, "MWh", "MWh", EvidenceKind.METER_READING),
    POWER_SUPPLIED(false, "MWh", "MWh", EvidenceKind.METER_READING),
    HEAT_SUPPLIED(false, "GJ", "GJ", EvidenceKind.METER_READING),
    PURCHASED_ELECTRICITY(false, "MWh", "MWh", EvidenceKind.INVOICE),
    OPERATING_HOURS(false, "h", "h", EvidenceKind.PRODUCTION_REPORT),
    LOAD_FACTOR(false, "%", "%", EvidenceKind.PRODUCTION_REPORT),
    AUX_POWER_RATE(false, "%", "%", EvidenceKind.PRODUCTION_REPORT);

    private final boolean perFuel;
    private final String unit;
    private final String gasUnit;
    private final EvidenceKind evidence;

    Parameter(boolean perFuel, String unit, String gasUnit, EvidenceKind evidence) {
        this.perFuel = perFuel;
        this.unit = unit;
        this.gasUnit = gasUnit;
        this.evidence = evidence;
    }

    public boolean perFuel() {
        return perFuel;
    }

    /** The unit the value is entered in, which for fuel parameters depends on the fuel. */
    public String unitFor(Fuel fuel) {
        return fuel == Fuel.NATURAL_GAS ? gasUnit : unit;
    }

    /** The evidence a measured value of this parameter needs. */
    public EvidenceKind evidence() {
        return evidence;
    }

    /** Only measured fuel quality needs a lab report; a default value has none to show. */
    public boolean isFuelQuality() {
        return this == NCV || this == CARBON_CONTENT;
    }

    public static Optional<Parameter> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Parameter p : values()) {
            if (p.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
