package org.opencets.mrv;

import java.util.List;
import org.opencets.shared.IndustryCode;
import org.opencets.shared.Sector;

/**
 * The product lines of each non-power sector's supplementary data table (补充数据表), whose output gives the emission
 * intensity. Keyed by GB/T 4754 industry code prefix (seed 004 附件1); the generic table covers the rest.
 */
public enum SupplementaryTable {
    CEMENT("3011", List.of(new Product("CLINKER", "t"), new Product("CEMENT", "t"))),
    FLAT_GLASS("3041", List.of(new Product("FLAT_GLASS", "t"))),
    STEEL("31", List.of(new Product("CRUDE_STEEL", "t"))),
    ALUMINIUM("3216", List.of(new Product("ALUMINIUM_LIQUID", "t"))),
    PAPER("22", List.of(new Product("PAPER", "t"))),
    AVIATION("56", List.of(new Product("TONNE_KM", "t·km"))),
    GENERIC("", List.of(new Product("MAIN_PRODUCT", "t")));

    /** A product line and the unit its output is counted in. */
    public record Product(String key, String unit) {
    }

    private final String industryPrefix;
    private final List<Product> products;

    SupplementaryTable(String industryPrefix, List<Product> products) {
        this.industryPrefix = industryPrefix;
        this.products = products;
    }

    public List<Product> products() {
        return products;
    }

    /** The most specific table for an industry; power has none (its report compiles from the deposits). */
    public static SupplementaryTable of(IndustryCode industry) {
        if (industry.sector() == Sector.POWER) {
            throw new IllegalArgumentException("power reports have no source-stream table");
        }
        for (SupplementaryTable t : values()) {
            if (!t.industryPrefix.isEmpty() && industry.code().startsWith(t.industryPrefix)) {
                return t;
            }
        }
        return GENERIC;
    }
}
