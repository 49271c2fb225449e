package org.opencets.shared;

/**
 * Administrative division code (GB/T 2260): 6 digits; the first 2 name the province, 4 the
 * prefecture-level city, 6 the county-level district. A province ends in 0000, a city in 00.
 */
public record RegionCode(String value) {

    public enum Level { PROVINCE, CITY, DISTRICT }

    public RegionCode {
        if (value == null || !value.strip().matches("\\d{6}")) {
            throw new InvalidValueException("region.format", "Region code must be 6 digits (GB/T 2260)", value);
        }
        value = value.strip();
        if (value.startsWith("00") || value.substring(2, 4).equals("00") && !value.endsWith("0000")) {
            throw new InvalidValueException("region.format", "Region code must be 6 digits (GB/T 2260)", value);
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    public Level level() {
        if (value.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return value.endsWith("00") ? Level.CITY : Level.DISTRICT;
    }

    /** The significant prefix: 2 digits for a province, 4 for a city, 6 for a district. */
    public String prefix() {
        return switch (level()) {
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            case DISTRICT -> value;
        };
    }

    /** True when {@code other} is this region or lies inside it. */
    public boolean contains(RegionCode other) {
        return other.value.startsWith(prefix());
    }

    public RegionCode province() {
        return new RegionCode(value.substring(0, 2) + "0000");
    }

    /** The prefecture-level city of a district (or the city itself); a province has none. */
    public RegionCode city() {
        if (level() == Level.PROVINCE) {
            throw new IllegalStateException("A province has no city: " + value);
        }
        return new RegionCode(value.substring(0, 4) + "00");
    }

    @Override
    public String toString() {
        return value;
    }
}
