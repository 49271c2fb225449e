package org.opencets.allocation;

import java.util.List;
import java.util.UUID;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The allocating bureau imports verified figures of years verified outside the platform from the workbook
 * ({@link VerifiedFiguresWorkbook}) through {@link AllocationBasis#importFigures}: all or nothing, every problem with the
 * row it concerns.
 */
@Component
class VerifiedFiguresImport {

    /** allocation.basis.data_year's range. */
    static final int FIRST_YEAR = 2019;
    static final int LAST_YEAR = 2100;
    private static final int LISTED = 500;

    /** One problem of a refused file: the Excel row it concerns (null: the file as a whole) and what is wrong. */
    record Problem(Integer row, FieldViolation violation) {
    }

    sealed interface Outcome permits Imported, Refused {
    }

    record Imported(List<VerifiedBasis> revisions) implements Outcome {
    }

    record Refused(List<Problem> problems) implements Outcome {

        Refused {
            problems = List.copyOf(problems);
        }
    }

    private final AllocationBasis basis;
    private final BasisStore bases;
    private final AllocationYearRules rules;
    private final JdbcClient jdbc;

    VerifiedFiguresImport(AllocationBasis basis, BasisStore bases, AllocationYearRules rules, JdbcClient jdbc) {
        this.basis = basis;
        this.bases = bases;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /** Only the allocating bureau's officers import (as {@link AllocationBasis#importFigures} requires). */
    void requireImporter(CurrentUser user, int year) {
        if (!user.kind().isBureau() || user.region() == null) {
            throw new AccessDenied("allocation.tables.import.denied", "Only the allocating bureau's officers import verified figures");
        }
        AllocationAccess.requireAuthority(user, user.region(), rules.authorityLevel(year, user.region()));
    }

    Outcome importFile(CurrentUser user, int year, String fileName, byte[] content) {
        requireImporter(user, year);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return new Refused(List.of(new Problem(null, FieldViolation.of("file", "allocation.tables.import.year",
                    "Verified figures can be imported for {0} to {1}", FIRST_YEAR, LAST_YEAR))));
        }
        VerifiedFiguresWorkbook.Result read = VerifiedFiguresWorkbook.read(content);
        if (read instanceof VerifiedFiguresWorkbook.Rejected r) {
            return new Refused(r.violations().stream().map(v -> new Problem(row(v.field()), v)).toList());
        }
        VerifiedFiguresWorkbook.Parsed parsed = (VerifiedFiguresWorkbook.Parsed) read;
        String name = fileName == null || fileName.isBlank() ? "" : fileName.strip();
        try {
            return new Imported(basis.importFigures(user, year, "Excel " + VerifiedFiguresWorkbook.SHEET + (name.isEmpty() ? "" : "：" + name),
                    parsed.entities()));
        } catch (ValidationFailed e) {
            return new Refused(e.violations().stream().map(v -> new Problem(parsed.rows().get(v.field()), v)).toList());
        }
    }

    /** The imported revisions of the year in the bureau's region, newest first. */
    List<VerifiedBasis> imported(CurrentUser user, int year) {
        requireImporter(user, year);
        List<UUID> ids = jdbc.sql("""
                select id from allocation.basis where data_year = ? and source = 'IMPORT' and region_code like ?
                order by recorded_at desc, emitter_name, revision desc limit ?""").params(year, user.region().prefix() + "%", LISTED)
                .query(UUID.class).list();
        return ids.stream().map(bases::find).flatMap(java.util.Optional::stream)
                .filter(b -> AllocationAccess.sees(user, b.region(), b.emitter())).toList();
    }

    private static Integer row(String field) {
        if (field != null && field.startsWith("row.")) {
            try {
                return Integer.valueOf(field.substring(4));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
