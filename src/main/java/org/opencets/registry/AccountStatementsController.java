package org.opencets.registry;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.opencets.identity.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An account's statement (账户对账单) for a period as a PDF or an Excel download, in the user's language. A missing,
 * malformed or reversed period is refused (400, the error page says which); an account the user does not see is not
 * found (404).
 */
@Controller
@RequestMapping("/registry/accounts/{number}")
class AccountStatementsController {

    private final AccountStatements statements;

    AccountStatementsController(AccountStatements statements) {
        this.statements = statements;
    }

    @GetMapping("/statement.pdf")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable String number, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale) {
        AccountStatements.Period period = AccountStatements.Period.parse(from, to);
        AccountStatement statement = statements.statement(user, number, period);
        return download(MediaType.APPLICATION_PDF, AccountStatements.fileName(statement.account().number(), period, "pdf"),
                statements.pdf(statement, locale));
    }

    @GetMapping("/statement.xlsx")
    ResponseEntity<byte[]> xlsx(CurrentUser user, @PathVariable String number, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale) {
        AccountStatements.Period period = AccountStatements.Period.parse(from, to);
        AccountStatement statement = statements.statement(user, number, period);
        return download(MediaType.parseMediaType(AccountStatements.XLSX), AccountStatements.fileName(statement.account().number(), period, "xlsx"),
                statements.xlsx(statement, locale));
    }

    private static ResponseEntity<byte[]> download(MediaType type, String fileName, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987 encoding>}: browsers that read
     * {@code filename*} (all current ones) save 对账单-….pdf, older clients statement-….pdf.
     */
    static String contentDisposition(String fileName) {
        String fallback = fileName.replace("对账单", "statement").replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(fileName);
    }

    private static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
