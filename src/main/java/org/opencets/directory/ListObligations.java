package org.opencets.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencets.calendar.Deadline;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.DeadlineNotSet;
import org.opencets.calendar.Deadlines;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.identity.Region;
import org.opencets.identity.Regions;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.shared.RegionCode;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts the yearly list steps in the bureaus' inboxes: each district with candidates must submit its proposal, each
 * city must publish. Obligations open 60 days before the due date (the calendar computes it) and close when the
 * step is done; a returned list opens a fresh one.
 */
@Component
class ListObligations {

    static final int OPEN_DAYS_AHEAD = 60;
    /** Steps more than this far overdue are history, not inbox items. */
    static final int FORGET_AFTER_DAYS = 180;

    private final AnnualListStore store;
    private final EmitterStore emitters;
    private final Deadlines deadlines;
    private final Obligations obligations;
    private final Regions regions;
    private final Organisations organisations;

    ListObligations(AnnualListStore store, EmitterStore emitters, Deadlines deadlines, Obligations obligations, Regions regions,
            Organisations organisations) {
        this.emitters = emitters;
        this.store = store;
        this.deadlines = deadlines;
        this.obligations = obligations;
        this.regions = regions;
        this.organisations = organisations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${opencets.obligations.cron:0 0 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "directory.list-obligations", lockAtMostFor = "PT30M")
    void syncNow() {
        sync(obligations.today());
    }

    void sync(LocalDate today) {
        List<Region> cities = regions.all().stream().filter(r -> r.level() == RegionCode.Level.CITY).toList();
        // a list year's steps fall in the year before it (power) or in it (non-power): only these can be in the window
        for (ListRule rule : store.rules().stream().filter(r -> Math.abs(r.year() - today.getYear()) <= 1).toList()) {
            for (Region city : cities) {
                for (Region district : regions.districtsOf(city.code())) {
                    syncProposal(rule, district, today);
                }
                syncPublication(rule, city, today);
            }
        }
    }

    /** Called by the workflow right after a step so the inbox does not wait for the nightly run. */
    void stepDone(AnnualList list, String by) {
        obligations.close(proposalKey(list.district(), list.year(), list.type(), null), Obligation.Outcome.DONE, by);
        if (list.reviewedAt() != null) {
            obligations.close(proposalKey(list.district(), list.year(), list.type(), list), Obligation.Outcome.DONE, by);
        }
    }

    /** A returned list puts a fresh proposal obligation in the district's inbox. */
    void returned(AnnualList list) {
        store.rule(list.year(), list.type()).ifPresent(rule ->
                regions.find(list.district()).ifPresent(district -> syncProposal(rule, district, obligations.today())));
    }

    void published(RegionCode city, int year, ListType type, String by) {
        obligations.close(publicationKey(city, year, type), Obligation.Outcome.DONE, by);
    }

    private void syncProposal(ListRule rule, Region district, LocalDate today) {
        if (emitters.inRegion(district.code()).stream().noneMatch(e -> ListType.of(e.sector()) == rule.type())) {
            return;
        }
        Optional<AnnualList> list = store.find(district.code(), rule.year(), rule.type());
        boolean done = list.isPresent() && !list.get().status().editableByDistrict();
        if (done) {
            stepDone(list.get(), "system");
            return;
        }
        var bureau = organisations.bureauOf(district.code());
        Deadline due = deadline(proposalKind(rule.type()), rule.year(), district.code());
        if (bureau.isEmpty() || due == null || !inWindow(due, today)) {
            return;
        }
        AnnualList returned = list.filter(l -> l.status() == AnnualListStatus.RETURNED).orElse(null);
        obligations.open(new NewObligation(proposalKey(district.code(), rule.year(), rule.type(), returned), due, bureau.get().id(),
                district.code(), null, null, district.name(), String.valueOf(rule.year()),
                list.map(l -> "/directory/lists/" + l.id()).orElse("/directory/lists")));
    }

    private void syncPublication(ListRule rule, Region city, LocalDate today) {
        if (store.isPublished(city.code(), rule.year(), rule.type())) {
            published(city.code(), rule.year(), rule.type(), "system");
            return;
        }
        Optional<Organisation> bureau = organisations.bureauOf(city.code());
        Deadline due = deadline(publicationKind(rule.type()), rule.year(), city.code());
        if (bureau.isEmpty() || due == null || !inWindow(due, today)) {
            return;
        }
        obligations.open(new NewObligation(publicationKey(city.code(), rule.year(), rule.type()), due, bureau.get().id(), city.code(),
                null, null, city.name(), String.valueOf(rule.year()), "/directory/lists"));
    }

    private Deadline deadline(DeadlineKind kind, int year, RegionCode region) {
        try {
            return deadlines.due(kind, year, region);
        } catch (DeadlineNotSet e) {
            return null;
        }
    }

    private static boolean inWindow(Deadline due, LocalDate today) {
        return !due.due().isAfter(today.plusDays(OPEN_DAYS_AHEAD)) && !due.due().isBefore(today.minusDays(FORGET_AFTER_DAYS));
    }

    static DeadlineKind proposalKind(ListType type) {
        return type == ListType.POWER ? DeadlineKind.LIST_PROPOSAL_POWER : DeadlineKind.LIST_PROPOSAL_NON_POWER;
    }

    static DeadlineKind publicationKind(ListType type) {
        return type == ListType.POWER ? DeadlineKind.LIST_PUBLICATION_POWER : DeadlineKind.LIST_PUBLICATION_NON_POWER;
    }

    private static String proposalKey(RegionCode district, int year, ListType type, AnnualList returned) {
        String key = "LIST_PROPOSAL:" + district.value() + ":" + year + ":" + type.name();
        return returned == null ? key : key + ":returned@" + returned.reviewedAt().toEpochMilli();
    }

    private static String publicationKey(RegionCode city, int year, ListType type) {
        return "LIST_PUBLICATION:" + city.value() + ":" + year + ":" + type.name();
    }
}
