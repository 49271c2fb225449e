package org.opencets.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Regions;
import org.opencets.shared.Uscc;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/emitters}: the directory for machine clients. Emitters are addressed by USCC. */
@RestController
@RequestMapping("/api/v1/emitters")
@Tag(name = "Key emitters", description = "The directory (名录) of key emitters and their generating units")
class EmitterApiController {

    private final KeyEmitterDirectory directory;
    private final Regions regions;

    EmitterApiController(KeyEmitterDirectory directory, Regions regions) {
        this.directory = directory;
        this.regions = regions;
    }

    record EmitterResource(String uscc, String name, String regionCode, String regionName, String industryCode,
            String industryName, String sector, String status, String address, String legalRepresentative,
            String contactName, String contactPhone, String contactEmail, int version) {
    }

    record EmitterRequest(String uscc, String name, String regionCode, String industryCode, String status, String address,
            String legalRepresentative, String contactName, String contactPhone, String contactEmail, Integer version) {

        EmitterForm form() {
            return new EmitterForm(uscc, name, regionCode, industryCode, status == null ? "NORMAL" : status, address,
                    legalRepresentative, contactName, contactPhone, contactEmail);
        }
    }

    record EmitterPage(List<EmitterResource> items, long total, int page, int size) {
    }

    record UnitResource(String id, String facilityName, String unitCode, BigDecimal ratedCapacityMw, String category,
            List<String> fuels, String coolingType, LocalDate commissioningDate, LocalDate shutdownDate, int version) {
    }

    record UnitRequest(String facilityName, String unitCode, String ratedCapacityMw, String category, String fuels,
            String coolingType, String commissioningDate, String shutdownDate) {

        UnitForm form() {
            return new UnitForm(facilityName, unitCode, ratedCapacityMw, category, fuels, coolingType, commissioningDate, shutdownDate);
        }
    }

    @GetMapping
    @Operation(summary = "List key emitters visible to the caller, filtered")
    EmitterPage list(CurrentUser user,
            @Parameter(description = "name or USCC contains") @RequestParam(required = false) String q,
            @Parameter(description = "GB/T 2260 region code prefix, e.g. 3302") @RequestParam(required = false) String region,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var result = directory.search(user, q, region, sector, status, page, size);
        return new EmitterPage(result.emitters().stream().map(this::resource).toList(), result.total(), result.page(), result.size());
    }

    @GetMapping("/{uscc}")
    @Operation(summary = "One key emitter by USCC")
    EmitterResource get(CurrentUser user, @PathVariable String uscc) {
        return resource(directory.get(user, Uscc.of(uscc)));
    }

    @PostMapping
    @Operation(summary = "Register a key emitter (bureau officers, inside their region)")
    ResponseEntity<EmitterResource> create(CurrentUser user, @RequestBody EmitterRequest request) {
        KeyEmitter created = directory.register(user, request.form());
        return ResponseEntity.created(URI.create("/api/v1/emitters/" + created.uscc().value())).body(resource(created));
    }

    @PutMapping("/{uscc}")
    @Operation(summary = "Change a key emitter; send the version you read (409 if someone changed it since)")
    EmitterResource update(CurrentUser user, @PathVariable String uscc, @RequestBody EmitterRequest request) {
        KeyEmitter existing = directory.get(user, Uscc.of(uscc));
        int version = request.version() == null ? existing.version() : request.version();
        return resource(directory.update(user, existing.id(), version, request.form()));
    }

    @GetMapping("/{uscc}/units")
    @Operation(summary = "The emitter's generating units")
    List<UnitResource> units(CurrentUser user, @PathVariable String uscc) {
        KeyEmitter emitter = directory.get(user, Uscc.of(uscc));
        return directory.units(user, emitter.id()).stream().map(EmitterApiController::unitResource).toList();
    }

    @PostMapping("/{uscc}/units")
    @Operation(summary = "Add a generating unit")
    ResponseEntity<UnitResource> addUnit(CurrentUser user, @PathVariable String uscc, @RequestBody UnitRequest request) {
        KeyEmitter emitter = directory.get(user, Uscc.of(uscc));
        GeneratingUnit unit = directory.addUnit(user, emitter.id(), request.form());
        return ResponseEntity.created(URI.create("/api/v1/emitters/" + uscc + "/units/" + unit.id())).body(unitResource(unit));
    }

    private EmitterResource resource(KeyEmitter e) {
        return new EmitterResource(e.uscc().value(), e.name(), e.region().value(), regions.nameOf(e.region()), e.industry().code(),
                e.industry().nameZh(), e.sector().name(), e.status().name(), e.address(), e.legalRepresentative(),
                e.contactName(), e.contactPhone(), e.contactEmail(), e.version());
    }

    private static UnitResource unitResource(GeneratingUnit u) {
        return new UnitResource(u.id().toString(), u.facilityName(), u.unitCode(), u.ratedCapacityMw(), u.category().name(),
                u.fuels().stream().map(Enum::name).toList(), u.coolingType().name(), u.commissioningDate(), u.shutdownDate(), u.version());
    }
}
