package org.opencets.allocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The official allocation tables as Excel downloads, and the import of verified figures for years verified outside the
 * platform (template, upload page, upload).
 */
@Controller
@RequestMapping("/allocation/{year}")
class AllocationTablesController {

    private final AllocationTables tables;
    private final VerifiedFiguresImport imports;
    private final MessageSource messages;

    AllocationTablesController(AllocationTables tables, VerifiedFiguresImport imports, MessageSource messages) {
        this.tables = tables;
        this.imports = imports;
        this.messages = messages;
    }

    /** One problem of a refused file, in the user's language; {@code row} is blank for the file as a whole. */
    record ErrorLine(String row, String reason) {
    }

    @GetMapping("/tables/units.xlsx")
    ResponseEntity<byte[]> units(CurrentUser user, @PathVariable int year) {
        return xlsx(AllocationTables.unitsFileName(year), tables.unitsWorkbook(user, year));
    }

    @GetMapping("/tables/summary.xlsx")
    ResponseEntity<byte[]> summary(CurrentUser user, @PathVariable int year) {
        return xlsx(AllocationTables.summaryFileName(year), tables.summaryWorkbook(user, year));
    }

    @GetMapping("/basis/template.xlsx")
    ResponseEntity<byte[]> template(CurrentUser user, @PathVariable int year) {
        imports.requireImporter(user, year);
        return xlsx(year + "年度核查数据导入模板.xlsx", VerifiedFiguresWorkbook.template(year));
    }

    @GetMapping("/basis/import")
    String page(CurrentUser user, @PathVariable int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("revisions", imports.imported(user, year));
        return "allocation/basis-import";
    }

    @PostMapping("/basis/import")
    String upload(CurrentUser user, @PathVariable int year, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            Locale locale, RedirectAttributes flash) throws IOException {
        imports.requireImporter(user, year);
        byte[] content = new byte[0];
        if (file != null && !file.isEmpty()) {
            try (InputStream in = file.getInputStream()) {
                content = in.readNBytes((int) VerifiedFiguresWorkbook.MAX_BYTES + 1);
            }
        }
        String fileName = file == null ? "" : file.getOriginalFilename();
        VerifiedFiguresImport.Outcome outcome = imports.importFile(user, year, fileName, content);
        if (outcome instanceof VerifiedFiguresImport.Imported imported) {
            int units = imported.revisions().stream().mapToInt(b -> b.units().size()).sum();
            flash.addFlashAttribute("done", messages.getMessage("allocation.tables.import.done",
                    new Object[] {imported.revisions().size(), year, units}, locale));
            return "redirect:/allocation/" + year;
        }
        VerifiedFiguresImport.Refused refused = (VerifiedFiguresImport.Refused) outcome;
        model.addAttribute("errors", refused.problems().stream()
                .map(p -> new ErrorLine(p.row() == null ? "" : String.valueOf(p.row()), message(p.violation(), locale))).toList());
        model.addAttribute("fileName", fileName == null ? "" : fileName);
        return page(user, year, model);
    }

    /** A problem in the user's language: the usual {@code invalid.<key>} or the key itself, else the default text. */
    private String message(FieldViolation v, Locale locale) {
        String key = v.messageKey();
        List<String> codes = List.of("invalid." + key, key);
        return messages.getMessage(new DefaultMessageSourceResolvable(codes.toArray(String[]::new), v.arguments().toArray(), v.defaultMessage()),
                locale);
    }

    private static ResponseEntity<byte[]> xlsx(String fileName, byte[] body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(AllocationTables.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
