package org.opencets.directory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.opencets.directory.EmitterImportResult.Imported;
import org.opencets.directory.EmitterImportResult.Rejected;
import org.opencets.directory.EmitterImportResult.RowError;
import org.opencets.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Excel import page: download the template, upload a filled file, see the summary or every rejected row. */
@Controller
@RequestMapping("/directory/import")
class EmitterImportController {

    private final EmitterImport imports;
    private final MessageSource messages;

    EmitterImportController(EmitterImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** One line of the error table, already in the user's language. */
    record ErrorLine(String sheet, String row, String column, String reason) {
    }

    @GetMapping
    String page(CurrentUser user) {
        EmitterImport.requireImporter(user);
        return "directory/import";
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template(CurrentUser user) {
        EmitterImport.requireImporter(user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(EmitterImportTemplate.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(EmitterImportTemplate.FILE_NAME, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(EmitterImportTemplate.build());
    }

    @PostMapping
    String upload(CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
            Model model, RedirectAttributes redirect) {
        EmitterImport.requireImporter(user);
        EmitterImportResult result = file == null
                ? imports.importWorkbook(user, new byte[0])
                : imports.importFile(user, file.getSize(), file);
        return switch (result) {
            case Imported imported -> {
                redirect.addFlashAttribute("importedEmitters", imported.emitters());
                redirect.addFlashAttribute("importedUnits", imported.units());
                redirect.addFlashAttribute("fileName", file == null ? "" : file.getOriginalFilename());
                yield "redirect:/directory/import";
            }
            case Rejected rejected -> {
                model.addAttribute("rejected", rejected);
                model.addAttribute("fileName", file == null ? "" : file.getOriginalFilename());
                model.addAttribute("errors", lines(rejected.errors(), locale));
                yield "directory/import";
            }
        };
    }

    private List<ErrorLine> lines(List<RowError> errors, Locale locale) {
        return errors.stream().map(e -> new ErrorLine(
                e.sheet() == null ? message("import.errors.wholeFile", "(whole file)", locale) : e.sheet(),
                e.row() > 0 ? Integer.toString(e.row()) : "",
                column(e, locale),
                messages.getMessage(e.messageCode(), e.arguments().toArray(), e.defaultMessage(), locale))).toList();
    }

    private String column(RowError error, Locale locale) {
        if (error.field() == null || error.sheet() == null) {
            return "";
        }
        String letter = EmitterImportWorkbook.columnLetter(error.sheet(), error.field());
        String label = message("import.column." + error.field(), error.field(), locale);
        return letter == null ? label : letter + " · " + label;
    }

    private String message(String code, String fallback, Locale locale) {
        return messages.getMessage(code, null, fallback, locale);
    }
}
