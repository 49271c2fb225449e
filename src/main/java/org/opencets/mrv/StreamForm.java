package org.opencets.mrv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.accounting.StreamKind;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;

/**
 * Reads the source-stream rows (s0.kind, s0.name, s0.activity …) and product outputs (p.CLINKER) of the report form.
 * A row with neither name nor activity is an unused blank row; a number that does not parse is named, not dropped.
 */
record StreamForm(List<StreamEntry> streams, Map<String, BigDecimal> products) {

    static final int MAX_ROWS = 60;

    static StreamForm parse(Map<String, String> form) {
        List<FieldViolation> problems = new ArrayList<>();
        List<StreamEntry> streams = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            String p = "s" + i + ".";
            if (!form.containsKey(p + "kind")) {
                continue;
            }
            String name = text(form.get(p + "name"));
            String activity = text(form.get(p + "activity"));
            if (name == null && activity == null) {
                continue;
            }
            StreamKind kind;
            try {
                kind = StreamKind.valueOf(form.get(p + "kind"));
            } catch (IllegalArgumentException e) {
                problems.add(FieldViolation.of("streams[" + i + "].kind", "report.stream.kind", "Row {0}: choose the kind of stream", i + 1));
                continue;
            }
            streams.add(new StreamEntry(kind, name, text(form.get(p + "fuel")), number(form, p + "activity", i, problems), text(form.get(p + "unit")),
                    number(form, p + "ncv", i, problems), number(form, p + "cc", i, problems), number(form, p + "of", i, problems),
                    number(form, p + "ef", i, problems), text(form.get(p + "note"))));
        }
        Map<String, BigDecimal> products = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("p.") && text(value) != null) {
                BigDecimal v = number(form, key, -1, problems);
                if (v != null) {
                    products.put(key.substring(2), v);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return new StreamForm(streams, products);
    }

    private static BigDecimal number(Map<String, String> form, String key, int row, List<FieldViolation> problems) {
        String text = text(form.get(key));
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(FieldViolation.of(key, "report.stream.number", "{0} is not a number: {1}", row < 0 ? key.substring(2) : "#" + (row + 1), text));
            return null;
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
