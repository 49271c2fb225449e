package org.opencets.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opencets.directory.EmitterImportResult.Imported;
import org.opencets.directory.EmitterImportResult.Rejected;
import org.opencets.directory.EmitterImportResult.RowError;
import org.opencets.directory.EmitterImportWorkbook.DataRow;
import org.opencets.directory.EmitterImportWorkbook.Rows;
import org.opencets.directory.EmitterImportWorkbook.Unreadable;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisations;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Excel import of key emitters and generating units: reads the file, checks every row (the directory's
 * own rules, duplicates inside the file and against the directory, the user's jurisdiction) and only
 * when nothing is wrong registers everything through {@link KeyEmitterDirectory} in one transaction,
 * so authorisation and the audit trail apply as for a single registration. All or nothing.
 */
@Component
class EmitterImport {

    private static final String EMITTERS = EmitterImportWorkbook.EMITTER_SHEET;
    private static final String UNITS = EmitterImportWorkbook.UNIT_SHEET;

    private final EmitterRules rules;
    private final KeyEmitterDirectory directory;
    private final Organisations organisations;
    private final TransactionOperations transactions;

    @Autowired
    EmitterImport(EmitterRules rules, KeyEmitterDirectory directory, Organisations organisations,
            PlatformTransactionManager transactionManager) {
        this(rules, directory, organisations, new TransactionTemplate(transactionManager));
    }

    EmitterImport(EmitterRules rules, KeyEmitterDirectory directory, Organisations organisations, TransactionOperations transactions) {
        this.rules = rules;
        this.directory = directory;
        this.organisations = organisations;
        this.transactions = transactions;
    }

    /** Only a bureau officer (or admin) may import; throws {@link AccessDenied} otherwise. */
    static void requireImporter(CurrentUser user) {
        KeyEmitterDirectory.requireEditor(user, user.region());
    }

    /** Imports an uploaded file; {@code size} is the upload's size as the client declared it. */
    EmitterImportResult importFile(CurrentUser user, long size, InputStreamSource file) {
        requireImporter(user);
        if (size > EmitterImportWorkbook.MAX_BYTES) {
            return new Rejected(RowError.file("import.error.tooLarge", "The file is larger than 5 MB", "5 MB"));
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes((int) EmitterImportWorkbook.MAX_BYTES + 1);
        } catch (IOException e) {
            return new Rejected(RowError.file("import.error.notExcel", "Not an Excel workbook (.xlsx)"));
        }
        return importWorkbook(user, content);
    }

    EmitterImportResult importWorkbook(CurrentUser user, byte[] content) {
        requireImporter(user);
        return switch (EmitterImportWorkbook.read(content)) {
            case Unreadable unreadable -> new Rejected(unreadable.errors());
            case Rows rows -> {
                List<RowError> errors = validate(user, rows);
                yield errors.isEmpty() ? store(user, rows) : new Rejected(errors);
            }
        };
    }

    /** Every problem of every row, in sheet, row and column order; empty when the file may be imported. */
    List<RowError> validate(CurrentUser user, Rows rows) {
        List<RowError> errors = new ArrayList<>(rows.strayValues());
        Lookups lookups = new Lookups(user);
        Map<String, Integer> emitterRows = new HashMap<>();
        Map<String, Integer> nameRows = new HashMap<>();
        for (DataRow row : rows.emitters()) {
            validateEmitter(user, row, emitterRows, nameRows, lookups, errors);
        }
        Map<String, Integer> unitRows = new HashMap<>();
        for (DataRow row : rows.units()) {
            validateUnit(user, row, emitterRows, unitRows, lookups, errors);
        }
        errors.sort(ORDER);
        return errors;
    }

    private void validateEmitter(CurrentUser user, DataRow row, Map<String, Integer> emitterRows, Map<String, Integer> nameRows,
            Lookups lookups, List<RowError> errors) {
        String uscc = key(row.get("uscc"));
        if (uscc.equals(EmitterImportTemplate.EXAMPLE_USCC)) {
            errors.add(example(row, "uscc"));
            return;
        }
        List<FieldViolation> violations = violations(() -> rules.validate(emitterForm(row)));
        violations.forEach(v -> errors.add(violation(row, v)));
        boolean repeated = false;
        if (!uscc.isEmpty()) {
            Integer first = emitterRows.putIfAbsent(uscc, row.number());
            repeated = first != null;
            if (repeated) {
                errors.add(RowError.cell(EMITTERS, row.number(), "uscc", "import.error.duplicateInFile",
                        "Same as an earlier row of this file", uscc, String.valueOf(first)));
            } else if (parse(uscc).flatMap(lookups::emitter).isPresent()) {
                errors.add(RowError.cell(EMITTERS, row.number(), "uscc", "import.error.alreadyRegistered",
                        "A key emitter with this USCC is already in the directory", uscc));
            }
        }
        boolean regionRejected = violations.stream().anyMatch(v -> "regionCode".equals(v.field()));
        Optional<RegionCode> region = regionCode(row.get("regionCode"));
        if (!regionRejected && region.isPresent() && !user.region().contains(region.get())) {
            errors.add(outsideRegion(row, "regionCode", region.get(), user));
        }
        // the emitter's name is also its organisation's name, which is unique within a region
        // (a row repeating an earlier emitter is reported once, for its USCC)
        String name = row.get("name").strip();
        boolean nameRejected = violations.stream().anyMatch(v -> "name".equals(v.field()));
        if (!repeated && !nameRejected && !name.isEmpty() && region.isPresent()) {
            Integer first = nameRows.putIfAbsent(region.get().value() + '\u0000' + name, row.number());
            if (first != null) {
                errors.add(RowError.cell(EMITTERS, row.number(), "name", "import.error.duplicateInFile",
                        "Same as an earlier row of this file", name, String.valueOf(first)));
            } else if (organisations.findByName(name, region.get())
                    .filter(o -> o.uscc() == null || !o.uscc().value().equals(uscc)).isPresent()) {
                errors.add(RowError.cell(EMITTERS, row.number(), "name", "import.error.nameTaken",
                        "Another organisation of this region already has this name", name, region.get().value()));
            }
        }
    }

    private void validateUnit(CurrentUser user, DataRow row, Map<String, Integer> emitterRows, Map<String, Integer> unitRows,
            Lookups lookups, List<RowError> errors) {
        String uscc = key(row.get("emitterUscc"));
        if (uscc.equals(EmitterImportTemplate.EXAMPLE_USCC)) {
            errors.add(example(row, "emitterUscc"));
            return;
        }
        violations(() -> rules.validate(unitForm(row))).forEach(v -> errors.add(violation(row, v)));
        String unitCode = row.get("unitCode").strip();
        if (uscc.isEmpty()) {
            errors.add(RowError.cell(UNITS, row.number(), "emitterUscc", "invalid.required", "Required"));
        } else {
            try {
                Uscc emitterUscc = Uscc.of(uscc);
                if (!emitterRows.containsKey(uscc)) {
                    Optional<KeyEmitter> existing = lookups.emitter(emitterUscc).filter(e -> directory.visible(user, e));
                    if (existing.isEmpty()) {
                        errors.add(RowError.cell(UNITS, row.number(), "emitterUscc", "import.error.unknownEmitter",
                                "No key emitter with this USCC in this file or in your part of the directory", uscc));
                    } else if (!user.region().contains(existing.get().region())) {
                        errors.add(outsideRegion(row, "emitterUscc", existing.get().region(), user));
                    } else if (!unitCode.isEmpty() && lookups.unitCodes(existing.get()).contains(unitCode)) {
                        errors.add(RowError.cell(UNITS, row.number(), "unitCode", "import.error.unitCodeTaken",
                                "This emitter already has a unit with this code", unitCode, uscc));
                    }
                }
            } catch (InvalidValueException e) {
                errors.add(violation(row, FieldViolation.of("emitterUscc", e)));
            }
        }
        if (!uscc.isEmpty() && !unitCode.isEmpty()) {
            Integer first = unitRows.putIfAbsent(uscc + '\u0000' + unitCode, row.number());
            if (first != null) {
                errors.add(RowError.cell(UNITS, row.number(), "unitCode", "import.error.duplicateInFile",
                        "Same as an earlier row of this file", unitCode, String.valueOf(first)));
            }
        }
    }

    /** Registers every emitter, then adds every unit, in one transaction; any failure rolls all of it back. */
    private EmitterImportResult store(CurrentUser user, Rows rows) {
        return transactions.execute(status -> {
            DataRow current = null;
            try {
                Map<String, UUID> ids = new HashMap<>();
                for (DataRow row : rows.emitters()) {
                    current = row;
                    KeyEmitter created = directory.register(user, emitterForm(row));
                    ids.put(created.uscc().value(), created.id());
                }
                for (DataRow row : rows.units()) {
                    current = row;
                    String uscc = key(row.get("emitterUscc"));
                    UUID emitterId = ids.computeIfAbsent(uscc, u -> directory.get(user, Uscc.of(u)).id());
                    directory.addUnit(user, emitterId, unitForm(row));
                }
                return new Imported(rows.emitters().size(), rows.units().size());
            } catch (ValidationFailed e) {
                // someone changed the directory since the rows were checked
                status.setRollbackOnly();
                DataRow row = current;
                return new Rejected(e.violations().stream().map(v -> violation(row, v)).toList());
            } catch (InvalidValueException e) {
                status.setRollbackOnly();
                return new Rejected(violation(current, FieldViolation.of(null, e)));
            } catch (AccessDenied e) {
                status.setRollbackOnly();
                return new Rejected(RowError.cell(current.sheet(), current.number(), null, e.messageKey(), e.getMessage()));
            } catch (RecordNotFound e) {
                status.setRollbackOnly();
                return new Rejected(RowError.cell(current.sheet(), current.number(), "emitterUscc", "import.error.unknownEmitter",
                        "No key emitter with this USCC in this file or in your part of the directory", current.get("emitterUscc")));
            } catch (DataAccessException e) {
                status.setRollbackOnly();
                return new Rejected(RowError.cell(current.sheet(), current.number(), null, "import.error.failed",
                        "The row could not be saved; nothing was imported", rootMessage(e)));
            }
        });
    }

    static EmitterForm emitterForm(DataRow row) {
        return new EmitterForm(row.get("uscc"), row.get("name"), row.get("regionCode"), row.get("industryCode"), row.get("status"),
                row.get("address"), row.get("legalRepresentative"), row.get("contactName"), row.get("contactPhone"),
                row.get("contactEmail"));
    }

    static UnitForm unitForm(DataRow row) {
        return new UnitForm(row.get("facilityName"), row.get("unitCode"), row.get("ratedCapacityMw"), row.get("category"),
                row.get("fuels"), row.get("coolingType"), row.get("commissioningDate"), row.get("shutdownDate"));
    }

    private static List<FieldViolation> violations(Runnable validation) {
        try {
            validation.run();
            return List.of();
        } catch (ValidationFailed e) {
            return e.violations();
        }
    }

    private static RowError violation(DataRow row, FieldViolation v) {
        return new RowError(row.sheet(), row.number(), v.field(), "invalid." + v.messageKey(), v.arguments(), v.defaultMessage());
    }

    private static RowError example(DataRow row, String field) {
        return RowError.cell(row.sheet(), row.number(), field, "import.error.exampleRow",
                "This is the template's example row: overwrite or delete it", EmitterImportTemplate.EXAMPLE_USCC);
    }

    private static RowError outsideRegion(DataRow row, String field, RegionCode region, CurrentUser user) {
        return RowError.cell(row.sheet(), row.number(), field, "import.error.outsideRegion",
                "The emitter's region lies outside your jurisdiction", region.value(), user.region().value());
    }

    private static String key(String uscc) {
        return uscc == null ? "" : uscc.strip().toUpperCase(Locale.ROOT);
    }

    private static Optional<Uscc> parse(String uscc) {
        try {
            return Optional.of(Uscc.of(uscc));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private static Optional<RegionCode> regionCode(String code) {
        try {
            return Optional.of(RegionCode.of(code));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static final List<String> SHEETS = List.of(EMITTERS, UNITS);

    private static final Comparator<RowError> ORDER = Comparator
            .comparingInt((RowError e) -> e.sheet() == null ? -1 : SHEETS.indexOf(e.sheet()))
            .thenComparingInt(RowError::row)
            .thenComparingInt(e -> column(e.sheet(), e.field()));

    private static int column(String sheet, String field) {
        if (sheet == null || field == null) {
            return Integer.MAX_VALUE;
        }
        List<EmitterImportWorkbook.Column> columns = EmitterImportWorkbook.columns(sheet);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field().equals(field)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Directory look-ups made while checking one file, each at most once. */
    private final class Lookups {
        private final CurrentUser user;
        private final Map<Uscc, Optional<KeyEmitter>> emitters = new HashMap<>();
        private final Map<UUID, Set<String>> unitCodes = new HashMap<>();

        Lookups(CurrentUser user) {
            this.user = user;
        }

        Optional<KeyEmitter> emitter(Uscc uscc) {
            return emitters.computeIfAbsent(uscc, directory::findByUscc);
        }

        Set<String> unitCodes(KeyEmitter emitter) {
            return unitCodes.computeIfAbsent(emitter.id(), id -> {
                Set<String> codes = new HashSet<>();
                directory.units(user, id).forEach(u -> codes.add(u.unitCode()));
                return codes;
            });
        }
    }
}
