package org.opencets.directory;

/** Fuels a generating unit burns. */
public enum Fuel { RAW_COAL, BITUMINOUS, ANTHRACITE, LIGNITE, COAL_GANGUE, NATURAL_GAS, FUEL_OIL, BIOMASS }
