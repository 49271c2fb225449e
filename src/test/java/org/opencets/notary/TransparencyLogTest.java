package org.opencets.notary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 4 "tamper evidence": receipts verify with the public key alone, the log only grows, tampering is found. */
@IntegrationTest
class TransparencyLogTest {

    @Autowired
    TransparencyLog log;
    @Autowired
    LogAudit audit;
    @Autowired
    LogSigningKey key;
    @Autowired
    JdbcClient jdbc;

    static byte[] content(String s) {
        return MerkleHash.sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReceiptVerifiesAndAnOldReceiptIsExtendedByTheLaterHead() {
        String ref = UUID.randomUUID().toString();
        Receipt first = log.append("TEST_DEPOSIT", ref + ":v1", content("2024-09 1号机组 v1"));
        for (int i = 0; i < 6; i++) {
            log.append("TEST_EVIDENCE", ref + ":file" + i, content("file " + i));
        }
        Receipt last = log.append("TEST_DEPOSIT", ref + ":v2", content("2024-09 1号机组 v2"));

        assertThat(ReceiptVerifier.allHold(ReceiptVerifier.verify(first, key.publicKey()))).isTrue();
        assertThat(ReceiptVerifier.allHold(ReceiptVerifier.verify(last, key.publicKey()))).isTrue();
        assertThat(last.index()).isEqualTo(first.index() + 7);
        var growth = ReceiptVerifier.verifyGrowth(first.treeHead(), last.treeHead(),
                log.consistencyProof(first.treeHead().size(), last.treeHead().size()), key.publicKey());
        assertThat(ReceiptVerifier.allHold(growth)).isTrue();
        // the first entry proven in today's tree too
        assertThat(MerkleProofs.verifyInclusion(first.leafHash(), first.index(), last.treeHead().size(),
                log.inclusionProof(first.index(), last.treeHead().size()), last.treeHead().rootHash())).isTrue();
        assertThat(log.receipts("TEST_DEPOSIT", ref + ":v1")).singleElement()
                .satisfies(r -> assertThat(ReceiptVerifier.allHold(ReceiptVerifier.verify(r, key.publicKey()))).isTrue());
    }

    @Test
    void aChangedReceiptOrAnotherKeyFailsVerification() throws Exception {
        Receipt r = log.append("TEST_DEPOSIT", UUID.randomUUID().toString(), content("x"));
        Receipt relabelled = new Receipt(r.index(), r.entryKind(), "someone-else", r.contentHash(), r.leafHash(), r.treeHead(), r.inclusionPath());
        assertThat(ReceiptVerifier.verify(relabelled, key.publicKey())).extracting(ReceiptVerifier.Check::ok).containsExactly(false, true, true);
        var otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(ReceiptVerifier.verify(r, otherKey)).extracting(ReceiptVerifier.Check::ok).containsExactly(true, false, true);
    }

    @Test
    void theDatabaseRefusesChangesAndAnAuditFindsARowChangedBehindItsBack() {
        Receipt r = log.append("TEST_DEPOSIT", UUID.randomUUID().toString(), content("y"));
        assertThatThrownBy(() -> jdbc.sql("update notary.leaf set entry_ref = 'x' where idx = ?").param(r.index()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from notary.tree_head where tree_size = ?").param(r.treeHead().size()).update())
                .hasMessageContaining("append-only");
        assertThat(audit.problems()).isEmpty();
        // an administrator disables the trigger and rewrites a content hash
        jdbc.sql("alter table notary.leaf disable trigger leaf_append_only").update();
        try {
            jdbc.sql("update notary.leaf set content_hash = ? where idx = ?").params(content("forged"), r.index()).update();
            assertThat(audit.problems()).anyMatch(p -> p.contains("leaf " + r.index()) && p.contains("does not match"));
            jdbc.sql("update notary.leaf set content_hash = ? where idx = ?").params(r.contentHash(), r.index()).update();
        } finally {
            jdbc.sql("alter table notary.leaf enable trigger leaf_append_only").update();
        }
        assertThat(audit.problems()).isEmpty();
    }

    @Test
    void concurrentAppendsGetContiguousIndexes() throws Exception {
        String ref = UUID.randomUUID().toString();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Receipt>> receipts = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                receipts.add(pool.submit(() -> log.append("TEST_CONCURRENT", ref + ":" + n, content(ref + n))));
            }
            for (var f : receipts) {
                assertThat(ReceiptVerifier.allHold(ReceiptVerifier.verify(f.get(), key.publicKey()))).isTrue();
            }
        }
        assertThat(audit.problems()).isEmpty();
    }
}
