package org.opencets.mrv;

/** How a value was obtained: measured (实测), a default (缺省值), or calculated from other measurements. */
public enum MeasurementBasis { MEASURED, DEFAULT, CALCULATED }
