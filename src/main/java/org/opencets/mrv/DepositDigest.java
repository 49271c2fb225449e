package org.opencets.mrv;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical text of a submitted deposit and its SHA-256, which goes into the transparency log. Recomputing it from
 * the stored rows later and comparing with the logged hash shows whether any row was changed behind the platform's back.
 */
final class DepositDigest {

    static final String FORMAT = "opencets-monthly-deposit/1";

    private DepositDigest() {
    }

    static String canonical(Deposit d) {
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT);
        lines.add("deposit:" + d.id());
        lines.add("emitter:" + d.emitter().value());
        lines.add("unit:" + d.unitId() + ":" + d.unitCode());
        lines.add("month:" + d.month());
        lines.add("version:" + d.depositVersion());
        lines.add("replaces:" + (d.replaces() == null ? "-" : d.replaces()));
        lines.add("sample:" + text(d.sampleId()) + "|" + text(d.samplePlace()));
        d.values().stream().sorted(Comparator.comparing(MonthlyValue::field)).forEach(v -> lines.add("value:" + v.field() + ":"
                + (v.value() == null ? "-" : DepositChecks.plain(v.value())) + ":" + v.basis() + ":" + text(v.note())));
        d.evidence().stream().sorted(Comparator.comparing(AttachedEvidence::sha256).thenComparing(AttachedEvidence::fileName)
                        .thenComparing(e -> e.kind().name()).thenComparing(e -> e.fuel() == null ? "" : e.fuel().name())
                        .thenComparing(e -> e.uploadId().toString()))
                .forEach(e -> lines.add("evidence:" + e.kind() + ":" + (e.fuel() == null ? "-" : e.fuel()) + ":" + e.sha256() + ":"
                        + e.fileName()));
        lines.add("submitted-by:" + text(d.submittedBy()));
        return String.join("\n", lines) + "\n";
    }

    static byte[] sha256(Deposit d) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical(d).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\n", "\\n").replace("|", "\\|").replace(":", "\\:");
    }
}
