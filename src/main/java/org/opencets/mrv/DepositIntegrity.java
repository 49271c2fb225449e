package org.opencets.mrv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.opencets.evidence.EvidenceFiles;
import org.opencets.notary.Receipt;
import org.opencets.notary.ReceiptVerifier;
import org.opencets.notary.TransparencyLog;
import org.springframework.stereotype.Component;

/**
 * Re-derives a submitted deposit's hash from the rows as they are now and checks it against the log, the receipt
 * against the signed tree head, and every evidence file's bytes against their logged hash. A row changed in the
 * database or a file changed on disk fails here.
 */
@Component
class DepositIntegrity {

    private final TransparencyLog log;
    private final EvidenceFiles files;

    DepositIntegrity(TransparencyLog log, EvidenceFiles files) {
        this.log = log;
        this.files = files;
    }

    List<IntegrityCheck> verify(Deposit d) {
        List<IntegrityCheck> checks = new ArrayList<>();
        if (d.status() == DepositStatus.DRAFT) {
            return checks;
        }
        String now = HexFormat.of().formatHex(DepositDigest.sha256(d));
        checks.add(new IntegrityCheck("content.unchanged", now.equals(d.contentSha256()), List.of(shortHash(d.contentSha256()), shortHash(now))));
        Optional<Receipt> receipt = log.receipts(MonthlyDeposits.LOG_DEPOSIT, d.id().toString()).stream().findFirst();
        if (receipt.isEmpty()) {
            checks.add(new IntegrityCheck("receipt.missing", false, List.of()));
            return checks;
        }
        Receipt r = receipt.get();
        checks.add(new IntegrityCheck("content.logged", HexFormat.of().formatHex(r.contentHash()).equals(now),
                List.of(String.valueOf(r.index()))));
        for (ReceiptVerifier.Check c : ReceiptVerifier.verify(r, log.publicKey())) {
            checks.add(new IntegrityCheck("receipt." + receiptCode(c), c.ok(), List.of(String.valueOf(r.index()),
                    String.valueOf(r.treeHead().size()))));
        }
        for (AttachedEvidence e : d.evidence()) {
            checks.add(new IntegrityCheck("evidence.intact", files.intact(e.sha256()), List.of(e.fileName())));
            boolean logged = log.receipts(MonthlyDeposits.LOG_EVIDENCE, d.id() + "/" + e.uploadId()).stream()
                    .anyMatch(er -> Arrays.equals(er.contentHash(), HexFormat.of().parseHex(e.sha256())));
            checks.add(new IntegrityCheck("evidence.logged", logged, List.of(e.fileName())));
        }
        return checks;
    }

    private static String receiptCode(ReceiptVerifier.Check c) {
        if (c.what().startsWith("leaf")) {
            return "leaf";
        }
        return c.what().startsWith("tree head") ? "signature" : "inclusion";
    }

    private static String shortHash(String hex) {
        return hex == null ? "—" : hex.substring(0, 16) + "…";
    }
}
