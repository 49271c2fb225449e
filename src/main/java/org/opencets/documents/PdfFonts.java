package org.opencets.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.BaseFont;
import org.springframework.stereotype.Component;

/** The embedded, subsetted Chinese font for PDFs (loaded once) and the plain tables the platform's documents use. */
@Component
public class PdfFonts {

    public static final String FONT = "fonts/wqy-microhei.ttc";
    private volatile BaseFont base;

    public Font font(float size, int style) {
        return new Font(base(), size, style);
    }

    /** A full-width table of text cells, one list per row. */
    public PdfPTable table(Font body, int columns, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                PdfPCell cell = new PdfPCell(new Phrase(c < row.size() && row.get(c) != null ? row.get(c) : "", body));
                cell.setPadding(3);
                table.addCell(cell);
            }
        }
        return table;
    }

    private BaseFont base() {
        if (base == null) {
            try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(FONT)) {
                base = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return base;
    }
}
