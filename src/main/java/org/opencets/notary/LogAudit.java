package org.opencets.notary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Re-derives the whole log from its rows and compares it with what was signed: a row changed behind the
 * triggers' back (or a tree head forged without the key) shows up here.
 */
@Service
public class LogAudit {

    private final JdbcClient jdbc;
    private final LogSigningKey key;

    LogAudit(JdbcClient jdbc, LogSigningKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** What is wrong, in words; empty when every leaf and the latest signed head agree. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        long[] expected = {0};
        jdbc.sql("select idx, leaf_hash, entry_kind, entry_ref, content_hash from notary.leaf order by idx").query(rs -> {
            long idx = rs.getLong("idx");
            if (idx != expected[0]) {
                problems.add("leaf " + expected[0] + " is missing");
                expected[0] = idx;
            }
            expected[0]++;
            byte[] recomputed = MerkleHash.leaf(Receipt.leafEntry(rs.getString("entry_kind"), rs.getString("entry_ref"), rs.getBytes("content_hash")));
            if (!Arrays.equals(recomputed, rs.getBytes("leaf_hash"))) {
                problems.add("leaf " + idx + " (" + rs.getString("entry_kind") + " " + rs.getString("entry_ref") + ") does not match its content");
            }
            leaves.add(recomputed);
        });
        jdbc.sql("select * from notary.tree_head order by tree_size desc limit 1").query((rs, n) -> new SignedTreeHead(rs.getLong("tree_size"),
                rs.getBytes("root_hash"), rs.getTimestamp("signed_at").toInstant(), rs.getString("key_id"), rs.getBytes("signature")))
                .optional().ifPresent(head -> {
                    if (!ReceiptVerifier.signatureValid(head, key.publicKey())) {
                        problems.add("the tree head of size " + head.size() + " is not signed by the log key");
                    }
                    if (head.size() > leaves.size()) {
                        problems.add("the tree head covers " + head.size() + " leaves but only " + leaves.size() + " exist");
                    } else if (!Arrays.equals(root(leaves, 0, (int) head.size()), head.rootHash())) {
                        problems.add("the leaves do not produce the signed root of size " + head.size());
                    }
                });
        return problems;
    }

    private static byte[] root(List<byte[]> leaves, int start, int end) {
        int n = end - start;
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(start);
        }
        int k = (int) MerkleHash.split(n);
        return MerkleHash.node(root(leaves, start, start + k), root(leaves, start + k, end));
    }
}
