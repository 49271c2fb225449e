package org.opencets.directory;

/** Fuels a generating unit burns, with the names the national templates use. */
public enum Fuel {
    RAW_COAL("原煤", true), BITUMINOUS("烟煤", true), ANTHRACITE("无烟煤", true), LIGNITE("褐煤", true), COAL_GANGUE("煤矸石", true),
    NATURAL_GAS("天然气", false), FUEL_OIL("燃料油", false), BIOMASS("生物质", false);

    private final String chineseName;
    private final boolean coal;

    Fuel(String chineseName, boolean coal) {
        this.chineseName = chineseName;
        this.coal = coal;
    }

    /** The name in the Excel templates (pages use the message bundles). */
    public String chineseName() {
        return chineseName;
    }

    /**
     * Only fossil fuels are accounted: biomass CO2 is not counted (核算报告指南 发电设施), so it is neither compiled from
     * deposits nor accepted as a fuel stream.
     */
    public boolean isFossil() {
        return this != BIOMASS;
    }

    /** Coal is sampled, prepared, tested and a sample retained every month (seed 002 §二(六)). */
    public boolean isCoal() {
        return coal;
    }
}
