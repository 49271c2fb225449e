package org.opencets.directory;

/** What a user submits to add or change a generating unit (raw text, validated by the directory). */
public record UnitForm(String facilityName, String unitCode, String ratedCapacityMw, String category, String fuels,
        String coolingType, String commissioningDate, String shutdownDate) {

    public static UnitForm empty() {
        return new UnitForm("", "", "", "", "", "", "", "");
    }

    public static UnitForm of(GeneratingUnit u) {
        return new UnitForm(u.facilityName(), u.unitCode(), u.ratedCapacityMw().toPlainString(), u.category().name(),
                String.join(";", u.fuels().stream().map(Enum::name).toList()), u.coolingType().name(),
                u.commissioningDate().toString(), u.shutdownDate() == null ? "" : u.shutdownDate().toString());
    }
}
