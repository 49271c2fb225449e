package org.opencets.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.audit.AuditTrail;
import org.opencets.audit.Change;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisations;
import org.opencets.identity.Role;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's use cases. Every call takes the acting user: reads are limited to their
 * jurisdiction (a record outside it is "not found"), writes need a bureau officer whose region
 * contains the emitter. Every change is recorded in the audit trail in the same transaction.
 */
@Service
public class KeyEmitterDirectory {

    static final String EMITTER = "KeyEmitter";
    static final String UNIT = "GeneratingUnit";

    private final EmitterStore store;
    private final EmitterRules rules;
    private final AuditTrail audit;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    KeyEmitterDirectory(EmitterStore store, EmitterRules rules, AuditTrail audit, Organisations organisations,
            ApplicationEventPublisher events) {
        this.store = store;
        this.rules = rules;
        this.audit = audit;
        this.organisations = organisations;
        this.events = events;
    }

    public record Page(List<KeyEmitter> emitters, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page search(CurrentUser user, String text, String regionPrefix, String sector, String status, int page, int size) {
        int safeSize = Math.clamp(size, 1, 500);
        int safePage = Math.max(page, 0);
        var filter = new EmitterStore.Filter(text, regionPrefix, sector, status);
        return new Page(store.search(user.jurisdiction(), filter, safeSize, safePage * safeSize),
                store.count(user.jurisdiction(), filter), safePage, safeSize);
    }

    public KeyEmitter get(CurrentUser user, UUID id) {
        return store.find(id).filter(e -> visible(user, e)).orElseThrow(() -> new RecordNotFound("Key emitter", id));
    }

    public KeyEmitter get(CurrentUser user, Uscc uscc) {
        return store.findByUscc(uscc).filter(e -> visible(user, e)).orElseThrow(() -> new RecordNotFound("Key emitter", uscc));
    }

    public Optional<KeyEmitter> findByUscc(Uscc uscc) {
        return store.findByUscc(uscc);
    }

    public List<Facility> facilities(CurrentUser user, UUID emitterId) {
        return store.facilities(get(user, emitterId).id());
    }

    public List<GeneratingUnit> units(CurrentUser user, UUID emitterId) {
        return store.units(get(user, emitterId).id());
    }

    public GeneratingUnit unit(CurrentUser user, UUID emitterId, UUID unitId) {
        KeyEmitter emitter = get(user, emitterId);
        return store.unit(unitId).filter(u -> u.emitterId().equals(emitter.id()))
                .orElseThrow(() -> new RecordNotFound("Generating unit", unitId));
    }

    /** A unit by id without a user's view (for modules that then check access themselves). */
    public Optional<GeneratingUnit> unitById(UUID unitId) {
        return store.unit(unitId);
    }

    /** An emitter's units without a user's view (for modules that check access themselves, and system jobs). */
    public List<GeneratingUnit> unitsOf(UUID emitterId) {
        return store.units(emitterId);
    }

    /** Every emitter of every sector, for system jobs that open yearly obligations. */
    public List<KeyEmitter> all() {
        return store.inSector("");
    }

    public Optional<KeyEmitter> emitterById(UUID emitterId) {
        return store.find(emitterId);
    }

    /** Every power emitter (GB/T 4754 44xx) with its units, for system jobs that open the monthly obligations. */
    public Map<KeyEmitter, List<GeneratingUnit>> powerUnits() {
        Map<KeyEmitter, List<GeneratingUnit>> result = new java.util.LinkedHashMap<>();
        store.inSector("44").stream().filter(e -> e.sector() == org.opencets.shared.Sector.POWER)
                .forEach(e -> result.put(e, store.units(e.id())));
        return result;
    }

    public Map<Integer, Long> emissions(CurrentUser user, UUID emitterId) {
        return store.emissions(get(user, emitterId).id());
    }

    public List<Change> history(CurrentUser user, UUID emitterId) {
        KeyEmitter emitter = get(user, emitterId);
        return audit.history(EMITTER, emitter.id());
    }

    public List<Change> unitHistory(CurrentUser user, UUID emitterId, UUID unitId) {
        return audit.history(UNIT, unit(user, emitterId, unitId).id());
    }

    @Transactional
    public KeyEmitter register(CurrentUser user, EmitterForm form) {
        EmitterRules.ValidEmitter valid = rules.validate(form);
        requireEditor(user, valid);
        if (store.findByUscc(valid.uscc()).isPresent()) {
            throw new ValidationFailed(FieldViolation.of("uscc", "uscc.duplicate", "A key emitter with this USCC is already registered",
                    valid.uscc().value()));
        }
        UUID id = UUID.randomUUID();
        store.insert(id, valid);
        KeyEmitter created = store.find(id).orElseThrow();
        ensureOrganisation(created);
        audit.record(EMITTER, id, "CREATED", null, EmitterStore.snapshot(created), null);
        events.publishEvent(new KeyEmitterRegistered(created.uscc(), created.name(), created.region(), created.sector()));
        return created;
    }

    /**
     * A bureau officer changes any field inside their region; the emitter itself (officer or
     * administrator) may change only its address and contacts.
     */
    @Transactional
    public KeyEmitter update(CurrentUser user, UUID id, int expectedVersion, EmitterForm form) {
        KeyEmitter before = get(user, id);
        if (isOwnEmitter(user, before)) {
            form = contactsOnly(before, form);
        } else {
            requireEditor(user, before.region());
        }
        EmitterRules.ValidEmitter valid = rules.validate(form);
        if (!isOwnEmitter(user, before)) {
            requireEditor(user, valid);
        }
        store.findByUscc(valid.uscc()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new ValidationFailed(FieldViolation.of("uscc", "uscc.duplicate", "A key emitter with this USCC is already registered",
                    valid.uscc().value()));
        });
        if (!store.update(id, expectedVersion, valid)) {
            throw new ConcurrentModification("Key emitter", id);
        }
        KeyEmitter after = store.find(id).orElseThrow();
        ensureOrganisation(after);
        audit.record(EMITTER, id, "UPDATED", EmitterStore.snapshot(before), EmitterStore.snapshot(after), null);
        return after;
    }

    @Transactional
    public GeneratingUnit addUnit(CurrentUser user, UUID emitterId, UnitForm form) {
        KeyEmitter emitter = get(user, emitterId);
        requireEditor(user, emitter.region());
        EmitterRules.ValidUnit valid = rules.validate(form);
        if (store.unitCodeTaken(emitterId, valid.unitCode(), null)) {
            throw new ValidationFailed(FieldViolation.of("unitCode", "unit.code.duplicate", "This emitter already has a unit with this code",
                    valid.unitCode()));
        }
        UUID id = UUID.randomUUID();
        store.insertUnit(id, emitterId, store.facilityId(emitterId, valid.facilityName()), valid);
        GeneratingUnit created = store.unit(id).orElseThrow();
        audit.record(UNIT, id, "CREATED", null, EmitterStore.snapshot(created), emitter.name());
        audit.record(EMITTER, emitterId, "UNIT_ADDED", null, Map.of("unit", created.unitCode()), null);
        return created;
    }

    @Transactional
    public GeneratingUnit updateUnit(CurrentUser user, UUID emitterId, UUID unitId, int expectedVersion, UnitForm form) {
        GeneratingUnit before = unit(user, emitterId, unitId);
        requireEditor(user, get(user, emitterId).region());
        EmitterRules.ValidUnit valid = rules.validate(form);
        if (store.unitCodeTaken(emitterId, valid.unitCode(), unitId)) {
            throw new ValidationFailed(FieldViolation.of("unitCode", "unit.code.duplicate", "This emitter already has a unit with this code",
                    valid.unitCode()));
        }
        if (!store.updateUnit(unitId, expectedVersion, store.facilityId(emitterId, valid.facilityName()), valid)) {
            throw new ConcurrentModification("Generating unit", unitId);
        }
        GeneratingUnit after = store.unit(unitId).orElseThrow();
        audit.record(UNIT, unitId, "UPDATED", EmitterStore.snapshot(before), EmitterStore.snapshot(after), null);
        return after;
    }

    /** Records a year's emissions (statistics or a verified report) used by the inclusion rules. */
    @Transactional
    public void recordEmissions(UUID emitterId, int year, long tco2e, String source) {
        store.recordEmissions(emitterId, year, tco2e, source);
    }

    /** True when the user is this emitter's own officer or administrator. */
    public boolean isOwnEmitter(CurrentUser user, KeyEmitter emitter) {
        return user.kind() == org.opencets.identity.OrganisationKind.KEY_EMITTER && emitter.uscc().equals(user.uscc())
                && (user.has(Role.OFFICER) || user.has(Role.ADMIN));
    }

    private static EmitterForm contactsOnly(KeyEmitter current, EmitterForm form) {
        EmitterForm kept = EmitterForm.of(current);
        return new EmitterForm(kept.uscc(), kept.name(), kept.regionCode(), kept.industryCode(), kept.status(), form.address(),
                kept.legalRepresentative(), form.contactName(), form.contactPhone(), form.contactEmail());
    }

    /** The emitter's organisation (for its people and API keys) follows its name and region. */
    private void ensureOrganisation(KeyEmitter emitter) {
        try {
            organisations.ensureEmitterOrganisation(emitter.uscc(), emitter.name(), emitter.region());
        } catch (org.opencets.shared.InvalidValueException e) {
            throw new ValidationFailed(FieldViolation.of("name", e));
        }
    }

    boolean visible(CurrentUser user, KeyEmitter emitter) {
        return user.jurisdiction().covers(emitter.region(), emitter.uscc());
    }

    private static void requireEditor(CurrentUser user, EmitterRules.ValidEmitter valid) {
        requireEditor(user, valid.region());
    }

    static void requireEditor(CurrentUser user, org.opencets.shared.RegionCode region) {
        boolean officer = user.has(Role.OFFICER) || user.has(Role.ADMIN);
        if (!user.kind().isBureau() || !officer) {
            throw new AccessDenied("denied.directory.edit", "Only a bureau officer may change the directory");
        }
        if (!user.region().contains(region)) {
            throw new AccessDenied("denied.directory.region", "The emitter's region lies outside your jurisdiction");
        }
    }
}
