package org.opencets.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.audit.AuditTrail;
import org.opencets.calendar.Deadlines;
import org.opencets.audit.Change;
import org.opencets.directory.InclusionSuggestion.Decision;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Region;
import org.opencets.identity.Regions;
import org.opencets.identity.Role;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.ValidationFailed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly directory workflow of seed 002 §一: a district proposes next year's list (power by
 * Oct 15, non-power by Jan 31), the city returns it with reasons or approves it, and publishes the
 * city's list (power by Dec 31) on the public page.
 */
@Service
public class AnnualLists {

    static final String LIST = "AnnualList";

    private final AnnualListStore store;
    private final EmitterStore emitters;
    private final Regions regions;
    private final AuditTrail audit;
    private final ListObligations obligations;
    private final Deadlines deadlines;

    AnnualLists(AnnualListStore store, EmitterStore emitters, Regions regions, AuditTrail audit, ListObligations obligations,
            Deadlines deadlines) {
        this.deadlines = deadlines;
        this.obligations = obligations;
        this.store = store;
        this.emitters = emitters;
        this.regions = regions;
        this.audit = audit;
    }

    public List<ListRule> rules() {
        return store.rules();
    }

    public ListRule rule(int year, ListType type) {
        return store.rule(year, type).orElseThrow(() -> new ValidationFailed(
                FieldViolation.of("year", "list.rule.missing", "No list rules for this year", String.valueOf(year))));
    }

    /** The due dates of a list's steps as the calendar computes them for the user's region. */
    public ListDue due(ListRule rule, RegionCode region) {
        return new ListDue(rule, deadlines.find(ListObligations.proposalKind(rule.type()), rule.year(), region).orElse(null),
                deadlines.find(ListObligations.publicationKind(rule.type()), rule.year(), region).orElse(null));
    }

    /** Lists the user's bureau may see: its own district's, or its city's/province's districts'. */
    public List<AnnualList> visibleTo(CurrentUser user) {
        requireBureau(user);
        return store.within(user.region());
    }

    public AnnualList get(CurrentUser user, UUID id) {
        requireBureau(user);
        return store.find(id).filter(l -> user.region().contains(l.district())).orElseThrow(() -> new RecordNotFound("Annual list", id));
    }

    /** The entries with the rules' suggestion for every candidate emitter of the district. */
    public List<AnnualListEntry> entries(CurrentUser user, UUID listId) {
        AnnualList list = get(user, listId);
        ListRule rule = rule(list.year(), list.type());
        Map<UUID, Decision> decisions = store.decisions(listId);
        Map<UUID, String> notes = store.notes(listId);
        List<AnnualListEntry> entries = new ArrayList<>();
        for (KeyEmitter e : candidates(list.district(), list.type())) {
            InclusionSuggestion suggestion = suggest(rule, e);
            entries.add(new AnnualListEntry(e.id(), e.uscc().value(), e.name(), e.region().value(), e.industry().code(),
                    decisions.getOrDefault(e.id(), suggestion.decision()), notes.get(e.id()), suggestion, emitters.emissions(e.id())));
        }
        return entries;
    }

    public List<Change> history(CurrentUser user, UUID listId) {
        return audit.history(LIST, get(user, listId).id());
    }

    /** A district starts its proposal: the entries start as the rules suggest. */
    @Transactional
    public AnnualList prepare(CurrentUser user, int year, ListType type) {
        requireDistrictOfficer(user);
        ListRule rule = rule(year, type);
        if (store.find(user.region(), year, type).isPresent()) {
            return store.find(user.region(), year, type).get();
        }
        UUID id = UUID.randomUUID();
        store.insert(id, user.region(), year, type);
        Map<String, Object> after = new LinkedHashMap<>();
        for (KeyEmitter e : candidates(user.region(), type)) {
            Decision decision = suggest(rule, e).decision();
            store.putEntry(id, e.id(), decision, null);
            after.put(e.name(), decision.name());
        }
        audit.record(LIST, id, "CREATED", null, after, year + " " + type);
        return store.find(id).orElseThrow();
    }

    /** The district changes decisions (include/exclude, with a note) while the list is a draft or returned. */
    @Transactional
    public void decide(CurrentUser user, UUID listId, int expectedVersion, Map<UUID, Decision> decisions, Map<UUID, String> notes) {
        AnnualList list = get(user, listId);
        requireDistrictOfficer(user);
        if (!list.status().editableByDistrict()) {
            throw new ValidationFailed(FieldViolation.of("status", "list.notEditable", "The list can no longer be changed", list.status()));
        }
        if (!store.touch(listId, expectedVersion)) {
            throw new ConcurrentModification("Annual list", listId);
        }
        List<FieldViolation> violations = new ArrayList<>();
        Map<UUID, Decision> before = store.decisions(listId);
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        Map<UUID, KeyEmitter> candidates = new LinkedHashMap<>();
        candidates(list.district(), list.type()).forEach(e -> candidates.put(e.id(), e));
        ListRule rule = rule(list.year(), list.type());
        decisions.forEach((emitterId, decision) -> {
            KeyEmitter e = candidates.get(emitterId);
            if (e == null) {
                violations.add(FieldViolation.of("decision", "list.notCandidate", "Not an emitter of this district and sector", emitterId));
                return;
            }
            String note = notes.get(emitterId) == null || notes.get(emitterId).isBlank() ? null : notes.get(emitterId).strip();
            if (decision != suggest(rule, e).decision() && note == null) {
                violations.add(FieldViolation.of("note." + emitterId, "list.noteRequired",
                        "Explain why this differs from the suggestion", e.name()));
            }
            if (before.get(emitterId) != decision) {
                was.put(e.name(), before.get(emitterId) == null ? null : before.get(emitterId).name());
                now.put(e.name(), decision.name());
            }
            store.putEntry(listId, emitterId, decision, note);
        });
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        if (!now.isEmpty()) {
            audit.record(LIST, listId, "ENTRIES_CHANGED", was, now, null);
        }
    }

    @Transactional
    public void submit(CurrentUser user, UUID listId, int expectedVersion) {
        AnnualList list = get(user, listId);
        requireDistrictOfficer(user);
        if (!list.status().editableByDistrict()) {
            throw new ValidationFailed(FieldViolation.of("status", "list.notSubmittable", "Only a draft or returned list can be submitted", list.status()));
        }
        List<AnnualListEntry> entries = entries(user, listId);
        List<FieldViolation> missingNotes = entries.stream()
                .filter(e -> !e.followsSuggestion() && (e.note() == null || e.note().isBlank()))
                .map(e -> FieldViolation.of("note." + e.emitterId(), "list.noteRequired", "Explain why this differs from the suggestion", e.name()))
                .toList();
        if (!missingNotes.isEmpty()) {
            throw new ValidationFailed(missingNotes);
        }
        transition(list, expectedVersion, AnnualListStatus.SUBMITTED, user, null);
        obligations.stepDone(list, user.username());
    }

    @Transactional
    public void approve(CurrentUser user, UUID listId, int expectedVersion) {
        AnnualList list = get(user, listId);
        requireCityOfficer(user, list);
        requireStatus(list, AnnualListStatus.SUBMITTED);
        transition(list, expectedVersion, AnnualListStatus.APPROVED, user, null);
    }

    @Transactional
    public void returnWithReasons(CurrentUser user, UUID listId, int expectedVersion, String reasons) {
        AnnualList list = get(user, listId);
        requireCityOfficer(user, list);
        requireStatus(list, AnnualListStatus.SUBMITTED);
        if (reasons == null || reasons.isBlank()) {
            throw new ValidationFailed(FieldViolation.of("reasons", "list.reasonsRequired", "Say what the district must change"));
        }
        transition(list, expectedVersion, AnnualListStatus.RETURNED, user, reasons.strip());
        obligations.returned(list);
    }

    /** What stops the city publishing its list for a year: districts with candidates whose list is not approved. */
    public List<String> publicationBlockers(CurrentUser user, int year, ListType type) {
        RegionCode city = user.region().city();
        List<String> blockers = new ArrayList<>();
        for (Region district : regions.districtsOf(city)) {
            if (candidates(district.code(), type).isEmpty()) {
                continue;
            }
            var list = store.find(district.code(), year, type);
            if (list.isEmpty() || list.get().status() != AnnualListStatus.APPROVED && list.get().status() != AnnualListStatus.PUBLISHED) {
                blockers.add(district.name());
            }
        }
        return blockers;
    }

    /** The city publishes the included emitters of its districts' approved lists. */
    @Transactional
    public UUID publish(CurrentUser user, int year, ListType type) {
        if (user.kind() != OrganisationKind.CITY_BUREAU || !isOfficer(user)) {
            throw new AccessDenied("denied.list.publish", "Only the city bureau publishes the list");
        }
        RegionCode city = user.region().city();
        if (store.isPublished(city, year, type)) {
            throw new ValidationFailed(FieldViolation.of("year", "list.alreadyPublished", "This list is already published", String.valueOf(year)));
        }
        List<String> blockers = publicationBlockers(user, year, type);
        if (!blockers.isEmpty()) {
            throw new ValidationFailed(FieldViolation.of("year", "list.notAllApproved",
                    "Some districts' lists are not approved yet", String.join("、", blockers)));
        }
        UUID publishedId = UUID.randomUUID();
        store.insertPublished(publishedId, city, year, type, user.username());
        for (AnnualList list : store.within(city)) {
            if (list.year() != year || list.type() != type) {
                continue;
            }
            Map<UUID, Decision> decisions = store.decisions(list.id());
            for (KeyEmitter e : candidates(list.district(), type)) {
                if (decisions.get(e.id()) == Decision.INCLUDE) {
                    store.insertPublishedEntry(publishedId, e);
                }
            }
            store.markPublished(list.id());
            obligations.stepDone(list, user.username());
            audit.record(LIST, list.id(), "PUBLISHED", Map.of("listStatus", list.status().name()), Map.of("listStatus", "PUBLISHED"), null);
        }
        obligations.published(city, year, type, user.username());
        return publishedId;
    }

    public List<PublishedList> published() {
        return store.published().stream().map(h -> new PublishedList(h.id(), h.cityCode(), regions.nameOf(RegionCode.of(h.cityCode())),
                h.year(), h.type(), h.publishedAt(), h.publishedBy(), List.of())).toList();
    }

    public PublishedList published(UUID id) {
        var header = store.publishedHeader(id).orElseThrow(() -> new RecordNotFound("Published list", id));
        List<PublishedList.Entry> entries = store.publishedEntries(id).stream()
                .map(r -> new PublishedList.Entry(r.uscc(), r.name(), r.regionCode(), regions.nameOf(RegionCode.of(r.regionCode())),
                        r.industryCode()))
                .toList();
        return new PublishedList(header.id(), header.cityCode(), regions.nameOf(RegionCode.of(header.cityCode())), header.year(),
                header.type(), header.publishedAt(), header.publishedBy(), entries);
    }

    private void transition(AnnualList list, int expectedVersion, AnnualListStatus to, CurrentUser user, String reasons) {
        if (!store.transition(list.id(), expectedVersion, list.status(), to, user.username(), reasons)) {
            throw new ConcurrentModification("Annual list", list.id());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("listStatus", to.name());
        if (reasons != null) {
            after.put("returnReason", reasons);
        }
        audit.record(LIST, list.id(), to.name(), Map.of("listStatus", list.status().name()), after, reasons);
    }

    private List<KeyEmitter> candidates(RegionCode district, ListType type) {
        return emitters.inRegion(district).stream().filter(e -> ListType.of(e.sector()) == type).toList();
    }

    private InclusionSuggestion suggest(ListRule rule, KeyEmitter e) {
        return InclusionRules.suggest(rule, e.status(), emitters.units(e.id()), emitters.emissions(e.id()));
    }

    private static void requireStatus(AnnualList list, AnnualListStatus status) {
        if (list.status() != status) {
            throw new ValidationFailed(FieldViolation.of("status", "list.wrongStatus", "The list is not awaiting review", list.status()));
        }
    }

    private static void requireBureau(CurrentUser user) {
        if (!user.kind().isBureau()) {
            throw new AccessDenied("denied.list.bureau", "Only ecology bureaus work on the annual lists");
        }
    }

    private static void requireDistrictOfficer(CurrentUser user) {
        if (user.kind() != OrganisationKind.DISTRICT_BUREAU || !isOfficer(user)) {
            throw new AccessDenied("denied.list.district", "Only the district bureau's officers prepare and submit its list");
        }
    }

    private static void requireCityOfficer(CurrentUser user, AnnualList list) {
        if (user.kind() != OrganisationKind.CITY_BUREAU || !isOfficer(user) || !user.region().contains(list.district())) {
            throw new AccessDenied("denied.list.city", "Only the city bureau's officers review its districts' lists");
        }
    }

    private static boolean isOfficer(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.ADMIN);
    }
}
