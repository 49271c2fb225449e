package org.opencets.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;
import org.springframework.stereotype.Component;

/** The embedded, subsetted Chinese font for PDFs, loaded once. */
@Component
public class PdfFonts {

    public static final String FONT = "fonts/wqy-microhei.ttc";
    private volatile BaseFont base;

    public Font font(float size, int style) {
        return new Font(base(), size, style);
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
