package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisations;
import org.opencets.inbox.NewObligation;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.ValidationFailed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocation notices and their service receipts (seed 004 §三(二)3: 书面通知重点企（事）业单位并签署送达回证). A notice is
 * issued with every decision and served in the platform: the emitter signs for it, or the emitter's bureau records a
 * paper service (with an agent and the relation) or a refusal with its reason and a witness (附件2). Recorded once.
 */
@Service
public class Notices {

    static final String ELECTRONIC = "平台电子送达";
    /** A refusal is witnessed where the bureau served the notice in person (附件2 拒收原因、见证人). */
    static final String IN_PERSON = "直接送达";
    private static final int TEXT = 1000;
    private static final int NAME = 100;
    private final NoticeStore store;
    private final KeyEmitterDirectory directory;
    private final Obligations obligations;
    private final Organisations organisations;
    private final Deadlines deadlines;
    private final WorkClock clock;

    Notices(NoticeStore store, KeyEmitterDirectory directory, Obligations obligations, Organisations organisations, Deadlines deadlines,
            WorkClock clock) {
        this.store = store;
        this.directory = directory;
        this.obligations = obligations;
        this.organisations = organisations;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    void issue(AllocationDecision d, CurrentUser by) {
        String province = d.region().province().value().substring(0, 2);
        String number = "配额通知〔" + d.year() + "〕" + province + "-" + String.format("%04d", store.nextNumber(d.year(), province)) + "号";
        String place = directory.findByUscc(d.emitter()).map(e -> e.address()).filter(a -> a != null && !a.isBlank()).orElse(d.emitterName());
        AllocationNotice n = new AllocationNotice(UUID.randomUUID(), d.id(), number, d.emitter(), d.emitterName(), d.region(), d.year(),
                by.organisationName(), d.decidedAt(), d.contentSha256(),
                new AllocationNotice.Receipt(AllocationNotice.ReceiptStatus.PENDING, ELECTRONIC, place, null, null, null, null, null, null, null, null, 0));
        store.insert(n);
        LocalDate issued = LocalDate.ofInstant(d.decidedAt(), WorkClock.CHINA);
        organisations.findByUscc(d.emitter()).ifPresent(org -> Deadlines.ifSet(() -> deadlines.dueAfter(DeadlineKind.NOTICE_RECEIPT, d.year(),
                d.region(), issued)).ifPresent(due -> obligations.open(new NewObligation(key(n.id()), due, org.id(), d.region(), d.emitter().value(),
                        d.emitterName(), number, String.valueOf(d.year()), "/allocation/notices/" + n.id()))));
    }

    public AllocationNotice get(CurrentUser user, UUID id) {
        AllocationNotice n = store.find(id).orElseThrow(() -> new RecordNotFound("Allocation notice", id));
        if (!AllocationAccess.sees(user, n.region(), n.emitter())) {
            throw new RecordNotFound("Allocation notice", id);
        }
        return n;
    }

    public java.util.Optional<AllocationNotice> ofDecision(CurrentUser user, UUID decisionId) {
        return store.ofDecision(decisionId).filter(n -> AllocationAccess.sees(user, n.region(), n.emitter()));
    }

    public List<AllocationNotice> ofYear(CurrentUser user, int year) {
        return store.ofYear(year, "").stream().filter(n -> AllocationAccess.sees(user, n.region(), n.emitter())).toList();
    }

    /** The emitter signs for the notice in the platform (受送达人签字). */
    @Transactional
    public AllocationNotice acknowledge(CurrentUser user, UUID id, int expectedVersion, String signedBy) {
        AllocationNotice n = get(user, id);
        AllocationAccess.requireEmitter(user, n.emitter());
        String signer = required("recipient", signedBy, "allocation.receipt.recipientMissing", "Give the name of the person signing");
        return record(user, n, expectedVersion, new AllocationNotice.Receipt(AllocationNotice.ReceiptStatus.ACKNOWLEDGED, ELECTRONIC, n.receipt().place(),
                cut(signer, NAME), null, null, clock.now(), null, null, cut(n.issuedBy(), NAME), null, 0));
    }

    /** The emitter's bureau records a service on paper: signed by the recipient, or by an agent with the relation. */
    @Transactional
    public AllocationNotice recordDelivery(CurrentUser user, UUID id, int expectedVersion, String method, String place, String recipient, String agent,
            String agentRelation, String note) {
        AllocationNotice n = get(user, id);
        requireDeliverer(user, n);
        String r = blankToNull(recipient);
        String a = blankToNull(agent);
        List<FieldViolation> problems = new java.util.ArrayList<>();
        if (r == null && a == null) {
            problems.add(FieldViolation.of("recipient", "allocation.receipt.recipientMissing", "Give the name of the person signing"));
        }
        if (a != null && blankToNull(agentRelation) == null) {
            problems.add(FieldViolation.of("agentRelation", "allocation.receipt.relationMissing", "Say how the agent relates to the recipient"));
        }
        if (blankToNull(method) == null) {
            problems.add(FieldViolation.of("method", "allocation.receipt.methodMissing", "Say how the notice was served"));
        }
        if (blankToNull(place) == null) {
            problems.add(FieldViolation.of("place", "allocation.receipt.placeMissing", "Say where the notice was served"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return record(user, n, expectedVersion, new AllocationNotice.Receipt(AllocationNotice.ReceiptStatus.ACKNOWLEDGED, cut(method.strip(), 60),
                cut(place.strip(), 300), cut(r, NAME), cut(a, NAME),
                cut(blankToNull(agentRelation), NAME), clock.now(), null, null, cut(user.displayName(), NAME), blankToNull(note), 0));
    }

    /** The emitter refused the notice: the reason and a witness (拒收原因、见证人, 附件2). */
    @Transactional
    public AllocationNotice recordRefusal(CurrentUser user, UUID id, int expectedVersion, String reason, String witness, String note) {
        AllocationNotice n = get(user, id);
        requireDeliverer(user, n);
        List<FieldViolation> problems = new java.util.ArrayList<>();
        if (blankToNull(reason) == null) {
            problems.add(FieldViolation.of("refusalReason", "allocation.receipt.reasonMissing", "Give the reason the notice was refused"));
        }
        if (blankToNull(witness) == null) {
            problems.add(FieldViolation.of("witness", "allocation.receipt.witnessMissing", "A refusal needs a witness"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return record(user, n, expectedVersion, new AllocationNotice.Receipt(AllocationNotice.ReceiptStatus.REFUSED, IN_PERSON, n.receipt().place(), null, null, null, clock.now(), limit(reason.strip()), cut(witness.strip(), NAME), cut(user.displayName(), NAME), blankToNull(note), 0));
    }

    private AllocationNotice record(CurrentUser user, AllocationNotice n, int expectedVersion, AllocationNotice.Receipt receipt) {
        if (n.receipt().status() != AllocationNotice.ReceiptStatus.PENDING) {
            throw new ValidationFailed(FieldViolation.of("receipt", "allocation.receipt.alreadyRecorded", "The service receipt is already recorded"));
        }
        if (!store.record(n.id(), expectedVersion, receipt)) {
            throw new ConcurrentModification("Service receipt", n.id());
        }
        obligations.close(key(n.id()), Obligation.Outcome.DONE, user.username());
        return store.find(n.id()).orElseThrow();
    }

    private static void requireDeliverer(CurrentUser user, AllocationNotice n) {
        if (!AllocationAccess.isDeliverer(user, n.region())) {
            throw new org.opencets.identity.AccessDenied("denied.allocation.deliverer", "Only a bureau of the emitter's region records a service");
        }
    }

    private static String required(String field, String value, String code, String message) {
        String v = blankToNull(value);
        if (v == null) {
            throw new ValidationFailed(FieldViolation.of(field, code, message));
        }
        return limit(v);
    }

    private static String limit(String v) {
        return v.length() > TEXT ? v.substring(0, TEXT) : v;
    }

    /** Names and places are cut to what the receipt's columns hold (names 100, method 60, place 300 characters). */
    private static String cut(String v, int max) {
        return v == null || v.length() <= max ? v : v.substring(0, max);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : limit(v.strip());
    }

    static String key(UUID noticeId) {
        return "NOTICE_RECEIPT:" + noticeId;
    }
}
