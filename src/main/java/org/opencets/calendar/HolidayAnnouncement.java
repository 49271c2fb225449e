package org.opencets.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencets.shared.FieldViolation;

/**
 * The State Council's yearly announcement as a regulator pastes it: one line per date, {@code date,kind,name}
 * (the format of {@code reference/cn-holidays-*.csv}). Parsing collects every problem with its line number.
 */
record HolidayAnnouncement(int year, String source, List<OfficialDay> days) {

    record OfficialDay(LocalDate day, DayKind kind, String name) {
    }

    static HolidayAnnouncement parse(int year, String source, String text, Set<LocalDate> alreadyRecorded, List<FieldViolation> violations) {
        if (source == null || source.isBlank()) {
            violations.add(FieldViolation.of("source", "holidays.source.required", "Name the announcement (e.g. 国务院办公厅关于2027年部分节假日安排的通知)"));
        }
        List<OfficialDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.equalsIgnoreCase("date,kind,name")) {
                continue;
            }
            OfficialDay day = parseLine(i + 1, line, year, violations);
            if (day == null) {
                continue;
            }
            if (!seen.add(day.day())) {
                violations.add(FieldViolation.of("days", "holidays.line.duplicate", "Line {0}: {1} appears twice", i + 1, day.day().toString()));
            } else if (alreadyRecorded.contains(day.day())) {
                violations.add(FieldViolation.of("days", "holidays.line.recorded", "Line {0}: {1} is already in the calendar", i + 1, day.day().toString()));
            } else {
                days.add(day);
            }
        }
        if (days.isEmpty() && violations.stream().noneMatch(v -> v.field().equals("days"))) {
            violations.add(FieldViolation.of("days", "holidays.empty", "Enter at least one date"));
        }
        return new HolidayAnnouncement(year, source == null ? "" : source.strip(), days);
    }

    private static OfficialDay parseLine(int number, String line, int year, List<FieldViolation> violations) {
        String[] cells = line.split("[,，\\t]", -1);
        if (cells.length != 3) {
            violations.add(FieldViolation.of("days", "holidays.line.shape", "Line {0}: write date,kind,name (three columns)", number));
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(cells[0].strip());
        } catch (DateTimeParseException e) {
            violations.add(FieldViolation.of("days", "holidays.line.date", "Line {0}: \"{1}\" is not a date like 2027-01-01", number, cells[0].strip()));
            return null;
        }
        DayKind kind;
        try {
            kind = DayKind.valueOf(cells[1].strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            violations.add(FieldViolation.of("days", "holidays.line.kind", "Line {0}: kind must be HOLIDAY or WORKDAY, not \"{1}\"", number, cells[1].strip()));
            return null;
        }
        String name = cells[2].strip();
        if (day.getYear() != year) {
            violations.add(FieldViolation.of("days", "holidays.line.year", "Line {0}: {1} is not in {2}", number, day.toString(), String.valueOf(year)));
            return null;
        }
        if (name.isEmpty() || name.length() > 50) {
            violations.add(FieldViolation.of("days", "holidays.line.name", "Line {0}: name the holiday (at most 50 characters)", number));
            return null;
        }
        if (kind == DayKind.WORKDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            violations.add(FieldViolation.of("days", "holidays.line.workday", "Line {0}: {1} is a weekday; a make-up working day is a Saturday or Sunday", number, day.toString()));
            return null;
        }
        return new OfficialDay(day, kind, name);
    }
}
