package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import java.util.List;
import java.util.UUID;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Special cases of seed 003 §一, recorded by the allocating bureau with their special note (特殊说明) for the summary
 * table: at most one in force per emitter and year; a mistaken one is withdrawn with a reason, never deleted.
 */
@Service
public class SpecialCases {

    static final int NOTE_LENGTH = 1000;
    private final SpecialCaseStore store;
    private final KeyEmitterDirectory directory;
    private final AllocationYearRules rules;
    private final WorkClock clock;

    SpecialCases(SpecialCaseStore store, KeyEmitterDirectory directory, AllocationYearRules rules, WorkClock clock) {
        this.store = store;
        this.directory = directory;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public SpecialCase record(CurrentUser user, Uscc uscc, int year, SpecialCaseKind kind, String note) {
        KeyEmitter e = directory.findByUscc(uscc).filter(x -> AllocationAccess.sees(user, x.region(), x.uscc()))
                .orElseThrow(() -> new RecordNotFound("Key emitter", uscc.value()));
        AllocationAccess.requireAuthority(user, e.region(), rules.authorityLevel(year, e.region()));
        if (kind == null) {
            throw new ValidationFailed(FieldViolation.of("kind", "allocation.special.kindMissing", "Choose the special case"));
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > NOTE_LENGTH) {
            throw new ValidationFailed(FieldViolation.of("note", "allocation.special.noteMissing", "Write the special note (at most {0} characters)",
                    NOTE_LENGTH));
        }
        store.inForce(uscc, year).ifPresent(existing -> {
            throw twoCases(e, existing);
        });
        SpecialCase c = new SpecialCase(UUID.randomUUID(), e.uscc(), e.name(), e.region(), year, kind, text, user.username(), clock.now(), null, null, null);
        try {
            store.insert(c);
        } catch (DuplicateKeyException raced) {
            throw twoCases(e, store.inForce(uscc, year).orElseThrow());
        }
        return c;
    }

    @Transactional
    public SpecialCase withdraw(CurrentUser user, UUID id, String reason) {
        SpecialCase c = store.find(id).filter(x -> AllocationAccess.sees(user, x.region(), x.emitter()))
                .orElseThrow(() -> new RecordNotFound("Special case", id));
        AllocationAccess.requireAuthority(user, c.region(), rules.authorityLevel(c.year(), c.region()));
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new ValidationFailed(FieldViolation.of("reason", "allocation.special.withdrawalReason", "Say why the special case is withdrawn"));
        }
        if (!store.withdraw(id, user.username(), clock.now(), text)) {
            throw new ValidationFailed(FieldViolation.of("reason", "allocation.special.alreadyWithdrawn", "This special case is already withdrawn"));
        }
        return store.find(id).orElseThrow();
    }

    /** Every special case of the year in the user's view, withdrawn ones last. */
    public List<SpecialCase> ofYear(CurrentUser user, int year) {
        return store.ofYear(year, "").stream().filter(c -> AllocationAccess.sees(user, c.region(), c.emitter())).toList();
    }

    private static ValidationFailed twoCases(KeyEmitter e, SpecialCase existing) {
        return new ValidationFailed(FieldViolation.of("kind", "allocation.special.twoCases",
                "{0} already has a special case for this year ({1}); withdraw it first", e.name(), existing.kind().name()));
    }
}
