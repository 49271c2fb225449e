package org.opencets.accounting;

/** Source-stream kinds of the non-power sector guidelines: fuel combustion, process, purchased electricity and heat. */
public enum StreamKind {
    FUEL_COMBUSTION, PROCESS, PURCHASED_ELECTRICITY, PURCHASED_HEAT;

    /** Direct emissions count for compliance; purchased energy only while the year's rules say so. */
    public boolean direct() {
        return this == FUEL_COMBUSTION || this == PROCESS;
    }
}
