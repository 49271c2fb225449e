package org.opencets.accounting;

/** How an input was obtained: measured (实测), a default (缺省值), or calculated from other measurements. */
public enum Basis { MEASURED, DEFAULT, CALCULATED }
