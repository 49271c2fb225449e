package org.opencets.shared;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A compliance period (履约周期): the emission years whose obligations are surrendered together.
 * Period 1 covered 2019–2020, period 2 covered 2021–2022; from 2023 each year is its own period.
 */
public record CompliancePeriod(int firstYear, int lastYear) {

    public CompliancePeriod {
        // Only the real periods: 2019–2020, 2021–2022, then one year each from 2023
        // (not e.g. 2020–2021, 2021 alone or 2023–2024).
        boolean valid = firstYear == 2019 && lastYear == 2020
                || firstYear == 2021 && lastYear == 2022
                || firstYear >= 2023 && lastYear == firstYear;
        if (!valid) {
            throw new InvalidValueException("period.range", "A compliance period spans one or two years from 2019", firstYear, lastYear);
        }
    }

    /** The period an emission year belongs to. */
    public static CompliancePeriod containing(int year) {
        if (year < 2019) {
            throw new InvalidValueException("period.range", "A compliance period spans one or two years from 2019", year, year);
        }
        if (year <= 2020) {
            return new CompliancePeriod(2019, 2020);
        }
        if (year <= 2022) {
            return new CompliancePeriod(2021, 2022);
        }
        return new CompliancePeriod(year, year);
    }

    public List<Integer> years() {
        return IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
    }

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }

    @Override
    public String toString() {
        return firstYear == lastYear ? Integer.toString(firstYear) : firstYear + "–" + lastYear;
    }
}
