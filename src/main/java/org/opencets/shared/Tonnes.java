package org.opencets.shared;

/** A whole number of tonnes of CO2 equivalent (1 allowance = 1 tCO2). Never negative. */
public record Tonnes(long value) implements Comparable<Tonnes> {

    public static final Tonnes ZERO = new Tonnes(0);

    public Tonnes {
        if (value < 0) {
            throw new InvalidValueException("tonnes.negative", "Tonnes cannot be negative", value);
        }
    }

    public static Tonnes of(long value) {
        return new Tonnes(value);
    }

    public Tonnes plus(Tonnes other) {
        return new Tonnes(Math.addExact(value, other.value));
    }

    /** The difference; fails when it would be negative (use {@link #isLessThan} first). */
    public Tonnes minus(Tonnes other) {
        return new Tonnes(Math.subtractExact(value, other.value));
    }

    public boolean isLessThan(Tonnes other) {
        return value < other.value;
    }

    @Override
    public int compareTo(Tonnes other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " tCO2e";
    }
}
