package org.opencets.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.opencets.documents.PdfFonts;
import org.opencets.identity.CurrentUser;
import org.opencets.registry.AccountStatement.Position;
import org.opencets.registry.AccountStatement.Summary;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.opencets.shared.WorkClock;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Account statements (账户对账单) of the registry: built from the ledger for a period of whole days (China time) and
 * rendered as a PDF (embedded Chinese font) and an Excel workbook (sheets 汇总 and 明细). The statement is read in one
 * repeatable-read snapshot, and its closing balances are checked against the ledger's own balances at the end of the
 * period: a difference is a ledger bug and fails loudly rather than printing a statement that does not add up. Each
 * statement carries the SHA-256 of its canonical text, printed on every copy so that a printout can be checked against
 * the registry (the API returns the same value).
 */
@Component
class AccountStatements {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The earliest and latest day a statement may cover (the registry has nothing before; dates beyond are typing errors). */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
    /** In the workbook's 汇总 sheet: the account's details above, the column titles in this row (0-based), the vintages below. */
    static final int SUMMARY_HEADER_ROW = 8;
    /** In the 明细 sheet: title, note, then the column titles in this row (0-based); the rows and the totals row below. */
    static final int DETAIL_HEADER_ROW = 2;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(WorkClock.CHINA);

    private final Registry registry;
    private final PdfFonts fonts;
    private final MessageSource messages;
    private final WorkClock clock;
    private final TransactionTemplate snapshot;

    AccountStatements(Registry registry, PdfFonts fonts, MessageSource messages, WorkClock clock, PlatformTransactionManager transactions) {
        this.registry = registry;
        this.fonts = fonts;
        this.messages = messages;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    // ---- the period -------------------------------------------------------------------------------

    /** The statement's first and last day, inclusive. */
    record Period(LocalDate from, LocalDate to) {

        /** Parses ISO dates (YYYY-MM-DD) as a client or an address gives them; every problem at once. */
        static Period parse(String from, String to) {
            List<FieldViolation> problems = new ArrayList<>();
            LocalDate first = date("from", from, problems);
            LocalDate last = date("to", to, problems);
            if (first != null && last != null && first.isAfter(last)) {
                problems.add(FieldViolation.of("from", "registry.statement.period.order", "The period starts ({0}) after it ends ({1})", first.toString(),
                        last.toString()));
            }
            if (!problems.isEmpty()) {
                throw new ValidationFailed(problems);
            }
            return new Period(first, last);
        }

        static Period of(LocalDate from, LocalDate to) {
            return parse(from == null ? null : from.toString(), to == null ? null : to.toString());
        }

        private static LocalDate date(String field, String text, List<FieldViolation> problems) {
            if (text == null || text.isBlank()) {
                problems.add(FieldViolation.of(field, "registry.statement." + field + ".required", "Give the " + (field.equals("from") ? "first" : "last")
                        + " day of the period as YYYY-MM-DD"));
                return null;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                problems.add(FieldViolation.of(field, "registry.statement.date.invalid", "{0} is not a date: write it as YYYY-MM-DD", text.strip()));
                return null;
            }
            if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
                problems.add(FieldViolation.of(field, "registry.statement.date.range", "{0} is outside {1} to {2}", day.toString(), FIRST_DAY.toString(),
                        LAST_DAY.toString()));
                return null;
            }
            return day;
        }
    }

    /** The download's file name, e.g. 对账单-E0000000003-2024-01-01-2024-12-31.pdf. */
    static String fileName(String number, Period period, String extension) {
        return "对账单-" + number + "-" + period.from() + "-" + period.to() + "." + extension;
    }

    // ---- the statement ----------------------------------------------------------------------------

    AccountStatement statement(CurrentUser user, String number, LocalDate from, LocalDate to) {
        return statement(user, number, Period.of(from, to));
    }

    /** The account's statement as the user may see it (404 for an account outside their view, as {@link Registry#account}). */
    AccountStatement statement(CurrentUser user, String number, Period period) {
        return snapshot.execute(status -> build(user, number, period));
    }

    private AccountStatement build(CurrentUser user, String number, Period period) {
        Account account = registry.account(user, number);
        String own = account.number();
        List<Holding> openingHoldings = registry.balancesAt(user, own, period.from());
        List<LedgerEntry> entries = registry.entries(user, own, period.from(), period.to());
        List<Holding> ledgerClosing = registry.balancesAt(user, own, period.to().plusDays(1));

        Map<Position, Map<HoldingState, Long>> opening = byPosition(openingHoldings);
        Map<Position, Map<HoldingState, Long>> running = new TreeMap<>();
        opening.forEach((p, states) -> running.put(p, new EnumMap<>(states)));
        Map<Position, long[]> flows = new TreeMap<>(); // in, out, internal
        TreeSet<Position> positions = new TreeSet<>(opening.keySet());
        entries.forEach(e -> positions.add(new Position(e.unitType(), e.vintage())));

        // the entries come oldest first; a stable sort groups them by unit type and vintage and keeps that order inside a group
        List<LedgerEntry> grouped = entries.stream().sorted(java.util.Comparator.comparing(e -> new Position(e.unitType(), e.vintage()))).toList();
        List<AccountStatement.Row> rows = new ArrayList<>();
        for (LedgerEntry e : grouped) {
            Position p = new Position(e.unitType(), e.vintage());
            boolean debited = e.debitAccount().equals(own);
            boolean credited = e.creditAccount().equals(own);
            if (!debited && !credited) {
                throw new IllegalStateException("Ledger entry " + e.id() + " listed for account " + own + " touches neither of its holdings");
            }
            Map<HoldingState, Long> states = running.computeIfAbsent(p, k -> new EnumMap<>(HoldingState.class));
            if (debited) {
                states.merge(e.debitState(), -e.quantity(), Long::sum);
            }
            if (credited) {
                states.merge(e.creditState(), e.quantity(), Long::sum);
            }
            long[] flow = flows.computeIfAbsent(p, k -> new long[3]);
            String counterparty = null;
            if (debited && credited) {
                flow[2] += e.quantity();
            } else if (credited) {
                flow[0] += e.quantity();
                counterparty = e.debitAccount();
            } else {
                flow[1] += e.quantity();
                counterparty = e.creditAccount();
            }
            long trading = states.getOrDefault(HoldingState.TRADING, 0L);
            long total = states.values().stream().mapToLong(Long::longValue).sum();
            rows.add(new AccountStatement.Row(rows.size() + 1, e.id(), e.operationId(), e.createdAt(), e.kind(), e.phase(), e.reference(), counterparty,
                    e.unitType(), e.vintage(), debited ? e.debitState() : null, credited ? e.creditState() : null, debited ? e.quantity() : 0,
                    credited ? e.quantity() : 0, total - trading, trading));
        }

        List<Holding> closing = holdings(own, running);
        List<Holding> expected = holdings(own, byPosition(ledgerClosing));
        if (!closing.equals(expected)) {
            throw new IllegalStateException("Ledger inconsistency: account " + own + "'s statement for " + period.from() + " to " + period.to()
                    + " closes at " + closing + " (opening " + holdings(own, opening) + " plus " + entries.size() + " entries) but the ledger holds "
                    + expected + " at the end of " + period.to());
        }
        List<Summary> summary = new ArrayList<>();
        for (Position p : positions) {
            long[] flow = flows.getOrDefault(p, new long[3]);
            summary.add(new Summary(p.unitType(), p.vintage(), opening.getOrDefault(p, Map.of()), flow[0], flow[1], flow[2],
                    running.getOrDefault(p, Map.of())));
        }
        List<Holding> openingList = holdings(own, opening);
        String sha256 = sha256(canonical(own, period.from(), period.to(), openingList, rows, closing));
        return new AccountStatement(account, period.from(), period.to(), clock.now(), openingList, rows, closing, summary, sha256);
    }

    private static Map<Position, Map<HoldingState, Long>> byPosition(List<Holding> holdings) {
        Map<Position, Map<HoldingState, Long>> out = new TreeMap<>();
        for (Holding h : holdings) {
            if (h.balance() != 0) {
                out.computeIfAbsent(new Position(h.unitType(), h.vintage()), k -> new EnumMap<>(HoldingState.class)).merge(h.state(), h.balance(), Long::sum);
            }
        }
        return out;
    }

    /** The non-zero holdings in the statement's order: unit type, vintage, state. */
    private static List<Holding> holdings(String account, Map<Position, Map<HoldingState, Long>> balances) {
        List<Holding> out = new ArrayList<>();
        balances.forEach((p, states) -> states.forEach((state, balance) -> {
            if (balance != 0) {
                out.add(new Holding(account, p.unitType(), p.vintage(), state, balance));
            }
        }));
        return out;
    }

    /**
     * The text the statement's SHA-256 is taken of (UTF-8, lines ending in LF), language-neutral so that every copy of
     * one statement has the same fingerprint: a first line {@code OpenCETS account statement v1}, then
     * {@code account|<number>}, {@code period|<from>|<to>}, one {@code opening|<unit>|<vintage>|<state>|<balance>} per
     * non-zero opening holding, one {@code row|<no>|<entry id>|<operation id>|<instant, UTC ISO-8601>|<kind>|<phase>|
     * <reference>|<counterparty>|<unit>|<vintage>|<from state>|<to state>|<debit>|<credit>|<registry balance>|
     * <trading balance>} per row (empty for a missing value; backslash, bar and line breaks escaped with a backslash),
     * and one {@code closing|…} per non-zero closing holding.
     */
    static String canonical(String account, LocalDate from, LocalDate to, List<Holding> opening, List<AccountStatement.Row> rows, List<Holding> closing) {
        StringBuilder text = new StringBuilder("OpenCETS account statement v1\n");
        line(text, "account", account);
        line(text, "period", from, to);
        for (Holding h : opening) {
            line(text, "opening", h.unitType(), h.vintage(), h.state(), h.balance());
        }
        for (AccountStatement.Row r : rows) {
            line(text, "row", r.no(), r.entryId(), r.operationId(), r.at(), r.kind(), r.phase(), r.reference(), r.counterparty(), r.unitType(), r.vintage(),
                    r.fromState(), r.toState(), r.debit(), r.credit(), r.registryBalance(), r.tradingBalance());
        }
        for (Holding h : closing) {
            line(text, "closing", h.unitType(), h.vintage(), h.state(), h.balance());
        }
        return text.toString();
    }

    private static void line(StringBuilder text, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append('|');
            }
            String v = fields[i] == null ? "" : fields[i].toString();
            text.append(v.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "\\r").replace("\n", "\\n"));
        }
        text.append('\n');
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- labels -----------------------------------------------------------------------------------

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    String kindLabel(Locale locale, AccountStatement.Row r) {
        String kind = msg(locale, "registry.statement.kind." + r.kind().name());
        return r.phase() == LedgerEntry.Phase.POSTED ? kind : kind + msg(locale, "registry.statement.phase." + r.phase().name());
    }

    private String state(Locale locale, HoldingState s) {
        return s == null ? "" : msg(locale, "registry.statement.state." + s.name());
    }

    private String unit(Locale locale, UnitType u) {
        return msg(locale, "registry.statement.unitType." + u.name());
    }

    private static String tonnes(long t) {
        return String.format(Locale.ROOT, "%,d", t);
    }

    private static String blankIfZero(long t) {
        return t == 0 ? "" : tonnes(t);
    }

    private String period(Locale locale, AccountStatement s) {
        return msg(locale, "registry.statement.periodValue", s.from().toString(), s.to().toString());
    }

    private String holder(AccountStatement s) {
        return s.account().holderName() == null ? "—" : s.account().holderName();
    }

    private String uscc(AccountStatement s) {
        return s.account().holder() == null ? "—" : s.account().holder().value();
    }

    // ---- PDF --------------------------------------------------------------------------------------

    byte[] pdf(AccountStatement s, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 48);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        String title = msg(locale, "registry.statement.system") + " " + msg(locale, "registry.statement.title");
        doc.addTitle(title + " " + s.account().number() + " " + s.from() + " — " + s.to());
        doc.addCreator("OpenCETS");
        Font small = fonts.font(7.5f, Font.NORMAL);
        String footer = msg(locale, "registry.statement.footer", s.account().number(), s.from().toString(), s.to().toString(), s.sha256().substring(0, 16));
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
                        new Phrase(footer + "　" + msg(locale, "registry.statement.page", w.getPageNumber()), small), (d.left() + d.right()) / 2,
                        d.bottom() - 24, 0);
            }
        });
        doc.open();
        Font h0 = fonts.font(12, Font.NORMAL);
        Font h1 = fonts.font(18, Font.BOLD);
        Font h2 = fonts.font(11, Font.BOLD);
        Font body = fonts.font(9, Font.NORMAL);
        Font cell = fonts.font(7.5f, Font.NORMAL);
        Font cellBold = fonts.font(7.5f, Font.BOLD);

        Paragraph system = new Paragraph(msg(locale, "registry.statement.system"), h0);
        system.setAlignment(Element.ALIGN_CENTER);
        doc.add(system);
        Paragraph heading = new Paragraph(msg(locale, "registry.statement.title"), h1);
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingAfter(8);
        doc.add(heading);

        PdfPTable info = new PdfPTable(new float[] {2, 5, 2, 5});
        info.setWidthPercentage(100);
        infoRow(info, body, msg(locale, "registry.statement.account"), s.account().number(), msg(locale, "registry.statement.accountKind"),
                msg(locale, "registry.statement.accountKind." + s.account().kind().name()));
        infoRow(info, body, msg(locale, "registry.statement.holder"), holder(s), msg(locale, "registry.statement.uscc"), uscc(s));
        infoRow(info, body, msg(locale, "registry.statement.period"), period(locale, s), msg(locale, "registry.statement.generatedAt"),
                TIME.format(s.generatedAt()));
        infoRow(info, body, msg(locale, "registry.statement.status"), msg(locale, "registry.statement.accountStatus." + s.account().status().name()),
                msg(locale, "registry.statement.unit"), msg(locale, "registry.statement.unitValue"));
        doc.add(info);

        // 一、余额汇总 and 二、期末持仓构成
        doc.add(section(msg(locale, "registry.statement.summary"), h2));
        if (s.summary().isEmpty()) {
            doc.add(new Paragraph(msg(locale, "registry.statement.nothing"), body));
        } else {
            PdfPTable summary = table(new float[] {4, 2, 3, 3, 3, 3, 3}, cellBold, msg(locale, "registry.statement.col.unitType"),
                    msg(locale, "registry.statement.col.vintage"), msg(locale, "registry.statement.col.opening"), msg(locale, "registry.statement.col.in"),
                    msg(locale, "registry.statement.col.out"), msg(locale, "registry.statement.col.internal"), msg(locale, "registry.statement.col.closing"));
            for (Summary v : s.summary()) {
                texts(summary, cell, unit(locale, v.unitType()), v.vintage().toString());
                numbers(summary, cell, tonnes(v.openingTotal()), tonnes(v.in()), tonnes(v.out()), tonnes(v.internal()), tonnes(v.closingTotal()));
            }
            doc.add(summary);
            doc.add(section(msg(locale, "registry.statement.composition"), h2));
            PdfPTable split = table(new float[] {4, 2, 3, 3, 3, 3, 3, 3, 3, 3}, cellBold, msg(locale, "registry.statement.col.unitType"),
                    msg(locale, "registry.statement.col.vintage"), msg(locale, "registry.statement.col.closing"),
                    msg(locale, "registry.statement.col.registry"), state(locale, HoldingState.AVAILABLE), state(locale, HoldingState.SURRENDER_ONLY),
                    state(locale, HoldingState.RESERVED), state(locale, HoldingState.FROZEN), state(locale, HoldingState.PLEDGED),
                    msg(locale, "registry.statement.col.trading"));
            for (Summary v : s.summary()) {
                texts(split, cell, unit(locale, v.unitType()), v.vintage().toString());
                numbers(split, cell, tonnes(v.closingTotal()), tonnes(v.closingRegistry()), tonnes(v.closing().get(HoldingState.AVAILABLE)),
                        tonnes(v.closing().get(HoldingState.SURRENDER_ONLY)), tonnes(v.closing().get(HoldingState.RESERVED)),
                        tonnes(v.closing().get(HoldingState.FROZEN)), tonnes(v.closing().get(HoldingState.PLEDGED)), tonnes(v.closingTrading()));
            }
            doc.add(split);
        }

        // 三、变动明细: per unit type and vintage, its opening line, its rows and its closing line
        doc.add(section(msg(locale, "registry.statement.details"), h2));
        if (s.rows().isEmpty()) {
            doc.add(new Paragraph(msg(locale, "registry.statement.none"), body));
        } else {
            String[] titles = {msg(locale, "registry.statement.col.no"), msg(locale, "registry.statement.col.at"), msg(locale, "registry.statement.col.kind"),
                    msg(locale, "registry.statement.col.entry"), msg(locale, "registry.statement.col.reference"),
                    msg(locale, "registry.statement.col.counterparty"), msg(locale, "registry.statement.col.fromState"),
                    msg(locale, "registry.statement.col.toState"), msg(locale, "registry.statement.col.debit"), msg(locale, "registry.statement.col.credit"),
                    msg(locale, "registry.statement.col.registryBalance"), msg(locale, "registry.statement.col.tradingBalance")};
            PdfPTable detail = table(new float[] {1.5f, 4.4f, 5.6f, 2, 7, 3.6f, 3, 3, 2.8f, 2.8f, 3.2f, 3.2f}, cellBold, titles);
            detail.setHeaderRows(1);
            for (Summary v : s.summary()) {
                List<AccountStatement.Row> group = s.rows().stream().filter(r -> r.position().equals(v.position())).toList();
                if (group.isEmpty()) {
                    continue;
                }
                spanning(detail, cellBold, msg(locale, "registry.statement.openingLine", unit(locale, v.unitType()), v.vintage().toString(),
                        tonnes(v.openingRegistry()), tonnes(v.openingTrading())), titles.length);
                long debit = 0;
                long credit = 0;
                for (AccountStatement.Row r : group) {
                    texts(detail, cell, Integer.toString(r.no()), TIME.format(r.at()), kindLabel(locale, r), Long.toString(r.entryId()),
                            r.reference() == null ? "" : r.reference(),
                            r.counterparty() == null ? msg(locale, "registry.statement.internal") : r.counterparty(), state(locale, r.fromState()),
                            state(locale, r.toState()));
                    numbers(detail, cell, blankIfZero(r.debit()), blankIfZero(r.credit()), tonnes(r.registryBalance()), tonnes(r.tradingBalance()));
                    debit += r.debit();
                    credit += r.credit();
                }
                spanning(detail, cellBold, msg(locale, "registry.statement.closingLine", unit(locale, v.unitType()), v.vintage().toString(),
                        tonnes(v.closingRegistry()), tonnes(v.closingTrading()), tonnes(debit), tonnes(credit)), titles.length);
            }
            doc.add(detail);
            Paragraph legend = new Paragraph(msg(locale, "registry.statement.legend"), small);
            legend.setSpacingBefore(4);
            doc.add(legend);
        }

        Paragraph fingerprint = new Paragraph(msg(locale, "registry.statement.sha256", s.sha256()), body);
        fingerprint.setSpacingBefore(14);
        doc.add(fingerprint);
        doc.add(new Paragraph(msg(locale, "registry.statement.sha256.note", s.account().number()), small));
        doc.close();
        return out.toByteArray();
    }

    private static Paragraph section(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(10);
        p.setSpacingAfter(2);
        return p;
    }

    private static void infoRow(PdfPTable table, Font font, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            PdfPCell c = new PdfPCell(new Phrase(cells[i], font));
            c.setPadding(4);
            if (i % 2 == 0) {
                c.setGrayFill(0.93f);
            }
            table.addCell(c);
        }
    }

    private static PdfPTable table(float[] widths, Font font, String... titles) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(2);
        for (String t : titles) {
            PdfPCell c = new PdfPCell(new Phrase(t, font));
            c.setPadding(3);
            c.setGrayFill(0.88f);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setVerticalAlignment(Element.ALIGN_MIDDLE);
            table.addCell(c);
        }
        return table;
    }

    private static void texts(PdfPTable table, Font font, String... values) {
        for (String v : values) {
            PdfPCell c = new PdfPCell(new Phrase(v == null ? "" : v, font));
            c.setPadding(3);
            table.addCell(c);
        }
    }

    private static void numbers(PdfPTable table, Font font, String... values) {
        for (String v : values) {
            PdfPCell c = new PdfPCell(new Phrase(v, font));
            c.setPadding(3);
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(c);
        }
    }

    private static void spanning(PdfPTable table, Font font, String text, int columns) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setColspan(columns);
        c.setPadding(3);
        c.setGrayFill(0.96f);
        table.addCell(c);
    }

    // ---- Excel ------------------------------------------------------------------------------------

    /** The workbook: 汇总 (the account, the period, one row per unit type and vintage, a total per unit type) and 明细 (one row per ledger row, totals). */
    byte[] xlsx(AccountStatement s, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            String title = msg(locale, "registry.statement.system") + " " + msg(locale, "registry.statement.title");

            Sheet summary = workbook.createSheet(msg(locale, "registry.statement.sheet.summary"));
            String[] summaryTitles = {msg(locale, "registry.statement.col.unitType"), msg(locale, "registry.statement.col.vintage"),
                    msg(locale, "registry.statement.col.opening"), msg(locale, "registry.statement.col.in"), msg(locale, "registry.statement.col.out"),
                    msg(locale, "registry.statement.col.internal"), msg(locale, "registry.statement.col.closing"),
                    msg(locale, "registry.statement.col.registry"), state(locale, HoldingState.AVAILABLE), state(locale, HoldingState.SURRENDER_ONLY),
                    state(locale, HoldingState.RESERVED), state(locale, HoldingState.FROZEN), state(locale, HoldingState.PLEDGED),
                    msg(locale, "registry.statement.col.trading")};
            text(summary.createRow(0), 0, title, styles.title);
            summary.addMergedRegion(new CellRangeAddress(0, 0, 0, summaryTitles.length - 1));
            String[][] details = {
                    {msg(locale, "registry.statement.account"), s.account().number()},
                    {msg(locale, "registry.statement.holder"), holder(s)},
                    {msg(locale, "registry.statement.uscc"), uscc(s)},
                    {msg(locale, "registry.statement.period"), period(locale, s)},
                    {msg(locale, "registry.statement.generatedAt"), TIME.format(s.generatedAt())},
                    {msg(locale, "registry.statement.unit"), msg(locale, "registry.statement.unitValue")},
                    {msg(locale, "registry.statement.sha256.label"), s.sha256()}};
            for (int i = 0; i < details.length; i++) {
                Row row = summary.createRow(1 + i);
                text(row, 0, details[i][0], styles.label);
                summary.addMergedRegion(new CellRangeAddress(1 + i, 1 + i, 0, 1));
                text(row, 2, details[i][1], styles.note);
                summary.addMergedRegion(new CellRangeAddress(1 + i, 1 + i, 2, summaryTitles.length - 1));
            }
            header(summary, SUMMARY_HEADER_ROW, summaryTitles, styles);
            int r = SUMMARY_HEADER_ROW + 1;
            Map<UnitType, long[]> totals = new TreeMap<>();
            for (Summary v : s.summary()) {
                long[] values = summaryValues(v);
                Row row = summary.createRow(r++);
                text(row, 0, unit(locale, v.unitType()), styles.text);
                text(row, 1, v.vintage().toString(), styles.text);
                numbers(row, 2, values, styles.integer);
                long[] sum = totals.computeIfAbsent(v.unitType(), k -> new long[values.length]);
                for (int i = 0; i < values.length; i++) {
                    sum[i] += values[i];
                }
            }
            for (Map.Entry<UnitType, long[]> t : totals.entrySet()) {
                Row row = summary.createRow(r++);
                text(row, 0, msg(locale, "registry.statement.totalOf", unit(locale, t.getKey())), styles.bold);
                text(row, 1, "", styles.bold);
                numbers(row, 2, t.getValue(), styles.integerBold);
            }
            widths(summary, 24, 10, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12);
            summary.createFreezePane(0, SUMMARY_HEADER_ROW + 1);

            Sheet detail = workbook.createSheet(msg(locale, "registry.statement.sheet.details"));
            String[] detailTitles = {msg(locale, "registry.statement.col.no"), msg(locale, "registry.statement.col.at"),
                    msg(locale, "registry.statement.col.kind"), msg(locale, "registry.statement.col.entry"), msg(locale, "registry.statement.col.operation"),
                    msg(locale, "registry.statement.col.reference"), msg(locale, "registry.statement.col.counterparty"),
                    msg(locale, "registry.statement.col.unitType"), msg(locale, "registry.statement.col.vintage"),
                    msg(locale, "registry.statement.col.fromState"), msg(locale, "registry.statement.col.toState"),
                    msg(locale, "registry.statement.col.debit"), msg(locale, "registry.statement.col.credit"),
                    msg(locale, "registry.statement.col.registryBalance"), msg(locale, "registry.statement.col.tradingBalance")};
            text(detail.createRow(0), 0, title, styles.title);
            detail.addMergedRegion(new CellRangeAddress(0, 0, 0, detailTitles.length - 1));
            text(detail.createRow(1), 0, msg(locale, "registry.statement.detailNote", s.account().number(), holder(s), period(locale, s), s.sha256()),
                    styles.note);
            detail.addMergedRegion(new CellRangeAddress(1, 1, 0, detailTitles.length - 1));
            header(detail, DETAIL_HEADER_ROW, detailTitles, styles);
            r = DETAIL_HEADER_ROW + 1;
            for (AccountStatement.Row row : s.rows()) {
                Row x = detail.createRow(r++);
                integer(x, 0, row.no(), styles.index);
                Cell at = x.createCell(1);
                at.setCellValue(LocalDateTime.ofInstant(row.at(), WorkClock.CHINA));
                at.setCellStyle(styles.time);
                text(x, 2, kindLabel(locale, row), styles.text);
                integer(x, 3, row.entryId(), styles.index);
                text(x, 4, row.operationId().toString(), styles.text);
                text(x, 5, row.reference() == null ? "" : row.reference(), styles.text);
                text(x, 6, row.counterparty() == null ? msg(locale, "registry.statement.internal") : row.counterparty(), styles.text);
                text(x, 7, unit(locale, row.unitType()), styles.text);
                text(x, 8, row.vintage().toString(), styles.text);
                text(x, 9, state(locale, row.fromState()), styles.text);
                text(x, 10, state(locale, row.toState()), styles.text);
                optional(x, 11, row.debit(), styles.integer);
                optional(x, 12, row.credit(), styles.integer);
                integer(x, 13, row.registryBalance(), styles.integer);
                integer(x, 14, row.tradingBalance(), styles.integer);
            }
            Row total = detail.createRow(r);
            for (int c = 0; c < detailTitles.length; c++) {
                text(total, c, "", styles.bold);
            }
            text(total, 1, msg(locale, "registry.statement.total"), styles.bold);
            integer(total, 11, s.debitTotal(), styles.integerBold);
            integer(total, 12, s.creditTotal(), styles.integerBold);
            widths(detail, 7, 20, 24, 10, 38, 24, 14, 22, 10, 14, 14, 12, 12, 14, 14);
            detail.createFreezePane(0, DETAIL_HEADER_ROW + 1);
            if (!s.rows().isEmpty()) {
                detail.setAutoFilter(new CellRangeAddress(DETAIL_HEADER_ROW, r - 1, 0, detailTitles.length - 1));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the statement of " + s.account().number(), e);
        }
    }

    /** 期初, 转入, 转出, 划转, 期末, 登记持仓, then each registry state and the trading holding: the 汇总 sheet's numbers. */
    static long[] summaryValues(Summary v) {
        return new long[] {v.openingTotal(), v.in(), v.out(), v.internal(), v.closingTotal(), v.closingRegistry(), v.closing().get(HoldingState.AVAILABLE),
                v.closing().get(HoldingState.SURRENDER_ONLY), v.closing().get(HoldingState.RESERVED), v.closing().get(HoldingState.FROZEN),
                v.closing().get(HoldingState.PLEDGED), v.closingTrading()};
    }

    private static void header(Sheet sheet, int at, String[] titles, Styles styles) {
        Row row = sheet.createRow(at);
        row.setHeightInPoints(30);
        for (int c = 0; c < titles.length; c++) {
            text(row, c, titles[c], styles.header);
        }
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void integer(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A quantity, or a blank cell (not a zero) where the row does not debit or credit the account. */
    private static void optional(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != 0) {
            cell.setCellValue(value);
        }
    }

    private static void numbers(Row row, int first, long[] values, CellStyle style) {
        for (int i = 0; i < values.length; i++) {
            integer(row, first + i, values[i], style);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle label;
        final CellStyle header;
        final CellStyle text;
        final CellStyle bold;
        final CellStyle integer;
        final CellStyle integerBold;
        final CellStyle index;
        final CellStyle time;

        Styles(XSSFWorkbook workbook) {
            var format = workbook.createDataFormat();
            var boldFont = workbook.createFont();
            boldFont.setBold(true);
            var titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            note = workbook.createCellStyle();
            label = workbook.createCellStyle();
            label.setFont(boldFont);
            header = bordered(workbook);
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(workbook);
            text.setDataFormat(format.getFormat("@"));
            bold = bordered(workbook);
            bold.setFont(boldFont);
            integer = bordered(workbook);
            integer.setDataFormat(format.getFormat("#,##0"));
            integerBold = bordered(workbook);
            integerBold.setDataFormat(format.getFormat("#,##0"));
            integerBold.setFont(boldFont);
            index = bordered(workbook);
            index.setDataFormat(format.getFormat("0"));
            index.setAlignment(HorizontalAlignment.CENTER);
            time = bordered(workbook);
            time.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle s = workbook.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
