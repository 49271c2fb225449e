package org.opencets.mrv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.opencets.accounting.StreamKind;
import org.opencets.directory.Fuel;
import org.opencets.shared.FieldViolation;

/**
 * What a non-power source stream needs before it is saved: a name, a known fuel for combustion, the unit its kind
 * is counted in (t or 10⁴Nm³ for fuel by its kind, MWh for electricity, GJ for heat), no negative numbers, an oxidation
 * rate as a fraction and an emission factor for a process stream.
 */
final class StreamRules {

    static final int NAME_LENGTH = 100;
    static final int NOTE_LENGTH = 500;
    static final int UNIT_LENGTH = 20;
    /** NUMERIC(20, 6): 14 digits before the decimal point. */
    static final BigDecimal LARGEST = new BigDecimal("1E14");

    private StreamRules() {
    }

    static List<FieldViolation> check(List<StreamEntry> streams) {
        List<FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            check("streams[" + i + "]", i + 1, streams.get(i), problems);
        }
        return problems;
    }

    private static void check(String field, int row, StreamEntry s, List<FieldViolation> problems) {
        if (s.name() == null || s.name().isBlank() || s.name().length() > NAME_LENGTH) {
            problems.add(FieldViolation.of(field + ".name", "report.stream.name", "Row {0}: give the stream a name (at most {1} characters)", row, NAME_LENGTH));
        }
        String expected = expectedUnit(s, row, field, problems);
        if (expected != null && !expected.equals(s.activityUnit())) {
            problems.add(FieldViolation.of(field + ".activityUnit", "report.stream.unit", "Row {0}: {1} is counted in {2}, not {3}", row,
                    s.name(), expected, String.valueOf(s.activityUnit())));
        }
        if (s.note() != null && s.note().length() > NOTE_LENGTH) {
            problems.add(FieldViolation.of(field + ".note", "report.stream.note", "Row {0}: the note has at most {1} characters", row, NOTE_LENGTH));
        }
        if (s.activityUnit() == null || s.activityUnit().isBlank() || s.activityUnit().length() > UNIT_LENGTH) {
            problems.add(FieldViolation.of(field + ".activityUnit", "report.stream.unitText", "Row {0}: give the unit (at most {1} characters)", row,
                    UNIT_LENGTH));
        }
        tooLarge(field + ".activity", row, s.activity(), problems);
        tooLarge(field + ".ncv", row, s.ncv(), problems);
        tooLarge(field + ".carbonPerGj", row, s.carbonPerGj(), problems);
        tooLarge(field + ".emissionFactor", row, s.emissionFactor(), problems);
        if (s.kind() != StreamKind.FUEL_COMBUSTION && s.fuel() != null && fuel(s.fuel()) == null) {
            problems.add(FieldViolation.of(field + ".fuel", "report.stream.fuel", "Row {0}: choose the fossil fuel burnt", row));
        }
        negative(field + ".activity", row, s.activity(), problems);
        negative(field + ".ncv", row, s.ncv(), problems);
        negative(field + ".carbonPerGj", row, s.carbonPerGj(), problems);
        negative(field + ".emissionFactor", row, s.emissionFactor(), problems);
        if (s.oxidationRate() != null && (s.oxidationRate().signum() < 0 || s.oxidationRate().compareTo(BigDecimal.ONE) > 0)) {
            problems.add(FieldViolation.of(field + ".oxidationRate", "report.stream.oxidation", "Row {0}: the oxidation rate is a fraction between 0 and 1", row));
        }
        if (s.kind() == StreamKind.PROCESS && s.emissionFactor() == null) {
            problems.add(FieldViolation.of(field + ".emissionFactor", "report.stream.factor", "Row {0}: a process stream needs its emission factor", row));
        }
    }

    private static String expectedUnit(StreamEntry s, int row, String field, List<FieldViolation> problems) {
        return switch (s.kind()) {
            case PURCHASED_ELECTRICITY -> "MWh";
            case PURCHASED_HEAT -> "GJ";
            case PROCESS -> null;
            case FUEL_COMBUSTION -> {
                Fuel fuel = fuel(s.fuel());
                if (fuel == null || !fuel.isFossil()) {
                    problems.add(FieldViolation.of(field + ".fuel", "report.stream.fuel", "Row {0}: choose the fossil fuel burnt", row));
                    yield null;
                }
                yield fuel == Fuel.NATURAL_GAS ? "10⁴Nm³" : "t";
            }
        };
    }

    private static Fuel fuel(String name) {
        for (Fuel f : Fuel.values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static void tooLarge(String field, int row, BigDecimal v, List<FieldViolation> problems) {
        if (v != null && v.abs().compareTo(LARGEST) >= 0) {
            problems.add(FieldViolation.of(field, "report.stream.tooLarge", "Row {0}: {1} is too large", row, v.toPlainString()));
        }
    }

    private static void negative(String field, int row, BigDecimal v, List<FieldViolation> problems) {
        if (v != null && v.signum() < 0) {
            problems.add(FieldViolation.of(field, "report.stream.negative", "Row {0}: values cannot be negative", row));
        }
    }
}
