package org.opencets.directory;

import java.util.List;

/**
 * What an Excel import of key emitters and generating units came to: either everything was imported
 * or nothing was, and then every reason is listed. Row errors are values, not exceptions.
 */
sealed interface EmitterImportResult permits EmitterImportResult.Imported, EmitterImportResult.Rejected {

    /** Every row of the file was imported in one transaction. */
    record Imported(int emitters, int units) implements EmitterImportResult {
    }

    /** Nothing was imported; {@code errors} names every problem found (never empty). */
    record Rejected(List<RowError> errors) implements EmitterImportResult {

        public Rejected {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("A rejected import names at least one error");
            }
            errors = List.copyOf(errors);
        }

        Rejected(RowError error) {
            this(List.of(error));
        }
    }

    /**
     * One reason a file or a row was refused.
     *
     * @param sheet       the worksheet, or null for a problem with the whole file
     * @param row         the row number as Excel shows it (header = 1), or 0 for the whole file or sheet
     * @param field       the column's field key (e.g. {@code uscc}), or null when not about one column
     * @param messageCode the message in the bundles: {@code invalid.<key>} for directory rules,
     *                    {@code import.error.<key>} for the import's own checks
     * @param arguments   the message arguments
     * @param defaultMessage English text used when the bundles lack {@code messageCode}
     */
    record RowError(String sheet, int row, String field, String messageCode, List<Object> arguments, String defaultMessage) {

        public RowError {
            arguments = arguments == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
        }

        static RowError file(String messageCode, String defaultMessage, Object... arguments) {
            return new RowError(null, 0, null, messageCode, java.util.Arrays.asList(arguments), defaultMessage);
        }

        static RowError sheet(String sheet, String messageCode, String defaultMessage, Object... arguments) {
            return new RowError(sheet, 0, null, messageCode, java.util.Arrays.asList(arguments), defaultMessage);
        }

        static RowError cell(String sheet, int row, String field, String messageCode, String defaultMessage, Object... arguments) {
            return new RowError(sheet, row, field, messageCode, java.util.Arrays.asList(arguments), defaultMessage);
        }
    }
}
