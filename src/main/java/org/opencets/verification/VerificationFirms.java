package org.opencets.verification;

import org.opencets.shared.WorkClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification firms: the qualification and sectors the province or city files for each (every organisation of kind
 * VERIFIER is a firm), the verifiers the firm itself keeps up to date, and the engagements (report preparation,
 * consulting) that conflict a firm out of verifying an emitter.
 */
@Service
public class VerificationFirms {

    static final int TEXT_LENGTH = 500;

    private final FirmStore store;
    private final Organisations organisations;
    private final KeyEmitterDirectory directory;
    private final WorkClock clock;

    VerificationFirms(FirmStore store, Organisations organisations, KeyEmitterDirectory directory, WorkClock clock) {
        this.store = store;
        this.organisations = organisations;
        this.directory = directory;
        this.clock = clock;
    }

    /** Every firm (each organisation of kind VERIFIER has a profile). Anyone signed in may read the register. */
    @Transactional
    public List<Firm> firms() {
        organisations.ofKind(OrganisationKind.VERIFIER).stream().filter(o -> o.uscc() != null) // registered before a USCC was required
                .forEach(o -> store.insertFirm(o.id(), o.uscc(), o.name(), o.region(), "system"));
        return store.firms();
    }

    public Firm firm(UUID id) {
        firms();
        return store.firm(id).orElseThrow(() -> new RecordNotFound("Verification firm", id));
    }

    public List<Verifier> verifiers(UUID firmId) {
        return store.verifiers(firmId);
    }

    public List<Engagement> engagements(CurrentUser user, UUID firmId) {
        if (!(user.kind().isBureau() || user.kind() == OrganisationKind.MINISTRY || user.organisationId().equals(firmId))) {
            throw new AccessDenied("denied.verification.engagements", "A firm's engagements are seen by the firm and the bureaus");
        }
        return store.engagements(firmId);
    }

    @Transactional
    public Firm updateProfile(CurrentUser user, UUID firmId, int expectedVersion, String qualification, Set<Sector> sectors, boolean active) {
        VerificationAccess.requireRegistrar(user);
        Firm firm = firm(firmId);
        List<FieldViolation> violations = new ArrayList<>();
        if (qualification == null || qualification.isBlank()) {
            violations.add(FieldViolation.of("qualification", "verification.firm.qualificationMissing", "Enter the firm's qualification on file"));
        } else if (qualification.length() > TEXT_LENGTH) {
            violations.add(FieldViolation.of("qualification", "verification.tooLong", "At most {0} characters", TEXT_LENGTH));
        }
        if (sectors.isEmpty()) {
            violations.add(FieldViolation.of("sectors", "verification.firm.sectorsMissing", "Choose at least one sector the firm may verify"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        if (!store.updateFirm(firm.organisationId(), expectedVersion, qualification.strip(), sectors, active, user.username())) {
            throw new ConcurrentModification("Verification firm", firmId);
        }
        return firm(firmId);
    }

    @Transactional
    public Verifier addVerifier(CurrentUser user, UUID firmId, String name, String credentialNumber, LocalDate credentialUntil, Set<Sector> sectors) {
        requireFirmOrRegistrar(user, firmId);
        firm(firmId);
        List<FieldViolation> violations = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            violations.add(FieldViolation.of("name", "verification.verifier.name", "Enter the verifier's name (at most 100 characters)"));
        }
        if (credentialNumber == null || credentialNumber.isBlank() || credentialNumber.length() > 60) {
            violations.add(FieldViolation.of("credentialNumber", "verification.verifier.credential", "Enter the credential number (at most 60 characters)"));
        }
        if (credentialUntil == null) {
            violations.add(FieldViolation.of("credentialUntil", "verification.verifier.until", "Enter the date the credential is valid until"));
        } else if (credentialUntil.isBefore(clock.today())) {
            violations.add(FieldViolation.of("credentialUntil", "verification.verifier.expired", "The credential expired on {0}", credentialUntil));
        }
        if (sectors.isEmpty()) {
            violations.add(FieldViolation.of("sectors", "verification.firm.sectorsMissing", "Choose at least one sector"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        Verifier v = new Verifier(UUID.randomUUID(), firmId, name.strip(), credentialNumber.strip(), credentialUntil, sectors, true);
        try {
            store.insertVerifier(v, user.username());
        } catch (DuplicateKeyException e) {
            throw new ValidationFailed(FieldViolation.of("credentialNumber", "verification.verifier.duplicate",
                    "This firm already lists credential {0}", v.credentialNumber()));
        }
        return v;
    }

    @Transactional
    public void setVerifierActive(CurrentUser user, UUID firmId, UUID verifierId, boolean active) {
        requireFirmOrRegistrar(user, firmId);
        if (!store.setVerifierActive(firmId, verifierId, active)) {
            throw new RecordNotFound("Verifier", verifierId);
        }
    }

    /**
     * Records that a firm prepared or consulted on an emitter's report for a year. The firm declares its own; a bureau
     * records any firm's for an emitter in its region.
     */
    @Transactional
    public Engagement recordEngagement(CurrentUser user, UUID firmId, Uscc emitterUscc, int year, Engagement.Kind kind, String note) {
        firm(firmId);
        KeyEmitter emitter = directory.findByUscc(emitterUscc).orElseThrow(() -> new ValidationFailed(FieldViolation.of("emitter",
                "verification.engagement.unknownEmitter", "No key emitter has USCC {0}", emitterUscc.value())));
        boolean ownFirm = VerificationAccess.isFirmMember(user, firmId);
        boolean bureau = user.kind().isBureau() && VerificationAccess.actor(user) && user.region().contains(emitter.region());
        if (!ownFirm && !bureau) {
            throw new AccessDenied("denied.verification.engagement", "The firm itself or a bureau of the emitter's region records engagements");
        }
        if (year < 2013 || year > clock.today().getYear() + 1) {
            throw new ValidationFailed(FieldViolation.of("year", "verification.engagement.year", "Enter a data year up to {0}",
                    String.valueOf(clock.today().getYear() + 1)));
        }
        if (note != null && note.length() > TEXT_LENGTH) {
            throw new ValidationFailed(FieldViolation.of("note", "verification.tooLong", "At most {0} characters", TEXT_LENGTH));
        }
        Engagement e = new Engagement(UUID.randomUUID(), firmId, emitter.uscc(), emitter.region().value().substring(0, 2), year, kind,
                note == null ? "" : note.strip(), clock.now(), user.username());
        try {
            store.insertEngagement(e);
        } catch (DuplicateKeyException ex) {
            throw new ValidationFailed(FieldViolation.of("emitter", "verification.engagement.duplicate", "This engagement is already recorded"));
        }
        return e;
    }

    private static void requireFirmOrRegistrar(CurrentUser user, UUID firmId) {
        if (!VerificationAccess.isFirmMember(user, firmId)) {
            VerificationAccess.requireRegistrar(user);
        }
    }
}
