package org.opencets.registry;

/** What a holding holds: national allowances (CEA), or CCER brought in for offsetting. */
public enum UnitType { CEA, CCER }
