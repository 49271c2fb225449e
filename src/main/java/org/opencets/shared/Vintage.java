package org.opencets.shared;

/**
 * The year (or first-period span) allowances were issued for. The first compliance period issued
 * one vintage for 2019–2020; every later year is its own vintage.
 */
public record Vintage(int firstYear, int lastYear) implements Comparable<Vintage> {

    public static final Vintage FIRST_PERIOD = new Vintage(2019, 2020);

    public Vintage {
        if (firstYear < 2019 || lastYear < firstYear || lastYear > 2100) {
            throw new InvalidValueException("vintage.range", "Vintage must be 2019–2020 or a single year from 2021", firstYear, lastYear);
        }
        if (firstYear != lastYear && !(firstYear == 2019 && lastYear == 2020)) {
            throw new InvalidValueException("vintage.range", "Vintage must be 2019–2020 or a single year from 2021", firstYear, lastYear);
        }
        if (firstYear == lastYear && firstYear < 2021) {
            throw new InvalidValueException("vintage.range", "Vintage must be 2019–2020 or a single year from 2021", firstYear, lastYear);
        }
    }

    /** The vintage issued for an emission year: 2019 and 2020 share {@link #FIRST_PERIOD}. */
    public static Vintage ofYear(int year) {
        // Only 2019 and 2020 map to the first-period vintage; earlier years have no vintage
        // (the constructor rejects them) instead of silently becoming 2019–2020.
        return year == 2019 || year == 2020 ? FIRST_PERIOD : new Vintage(year, year);
    }

    /** Parses "2019-2020" or "2021". */
    public static Vintage parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d{4}-\\d{4}")) {
            return new Vintage(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5)));
        }
        if (t.matches("\\d{4}")) {
            int year = Integer.parseInt(t);
            return new Vintage(year, year);
        }
        throw new InvalidValueException("vintage.format", "Vintage must look like 2019-2020 or 2021", text);
    }

    @Override
    public int compareTo(Vintage other) {
        return Integer.compare(firstYear, other.firstYear);
    }

    @Override
    public String toString() {
        return firstYear == lastYear ? Integer.toString(firstYear) : firstYear + "-" + lastYear;
    }
}
