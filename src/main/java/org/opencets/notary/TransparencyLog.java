package org.opencets.notary;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only Merkle log. Appends are serialised with a transaction-scoped advisory lock, so indexes are
 * contiguous across instances; each append stores the leaf, the complete subtrees it finishes and a signed tree
 * head, and returns the receipt. Stored hashes never change, so they are cached once committed.
 */
@Service
public class TransparencyLog {

    private final JdbcClient jdbc;
    private final LogSigningKey key;
    private final Clock clock;
    private final Map<Long, byte[]> committed = new ConcurrentHashMap<>();

    TransparencyLog(JdbcClient jdbc, LogSigningKey key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    /** Appends a content hash for an entry (e.g. kind MONTHLY_DEPOSIT, ref its id and version); returns the receipt. */
    @Transactional
    public Receipt append(String entryKind, String entryRef, byte[] contentHash) {
        if (contentHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("content hash must be SHA-256");
        }
        jdbc.sql("select pg_advisory_xact_lock(7262019)").query((rs, n) -> 1).list();
        long index = jdbc.sql("select coalesce(max(idx) + 1, 0) from notary.leaf").query(Long.class).single();
        byte[] leaf = MerkleHash.leaf(Receipt.leafEntry(entryKind, entryRef, contentHash));
        jdbc.sql("insert into notary.leaf (idx, leaf_hash, entry_kind, entry_ref, content_hash) values (?, ?, ?, ?, ?)")
                .params(index, leaf, entryKind, entryRef, contentHash).update();

        Map<Long, byte[]> fresh = new HashMap<>(); // this append's hashes, cached only once committed
        fresh.put(key(0, index), leaf);
        for (int level = 1; ((index + 1) & ((1L << level) - 1)) == 0; level++) {
            long idx = ((index + 1) >> level) - 1;
            byte[] hash = MerkleHash.node(hash(level - 1, 2 * idx, fresh), hash(level - 1, 2 * idx + 1, fresh));
            jdbc.sql("insert into notary.subtree (level, idx, hash) values (?, ?, ?)").params(level, idx, hash).update();
            fresh.put(key(level, idx), hash);
        }
        long size = index + 1;
        SignedTreeHead head = sign(size, subtrees(fresh).root(0, size));
        List<byte[]> path = MerkleProofs.inclusion(subtrees(fresh), index, size);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.putAll(fresh);
            }
        });
        return new Receipt(index, entryKind, entryRef, contentHash, leaf, head, path);
    }

    public Optional<SignedTreeHead> latestTreeHead() {
        return jdbc.sql("select * from notary.tree_head order by tree_size desc limit 1").query(TransparencyLog::mapHead).optional();
    }

    public Optional<SignedTreeHead> treeHead(long size) {
        return jdbc.sql("select * from notary.tree_head where tree_size = ?").param(size).query(TransparencyLog::mapHead).optional();
    }

    /** The inclusion proof of a leaf in the tree of a (signed) size, e.g. to refresh an old receipt to today's head. */
    public List<byte[]> inclusionProof(long index, long size) {
        requireSize(size);
        return MerkleProofs.inclusion(subtrees(Map.of()), index, size);
    }

    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        requireSize(newSize);
        return MerkleProofs.consistency(subtrees(Map.of()), oldSize, newSize);
    }

    /** The receipts of an entry (each version appended is its own leaf), as of the latest tree head. */
    public List<Receipt> receipts(String entryKind, String entryRef) {
        SignedTreeHead head = latestTreeHead().orElse(null);
        if (head == null) {
            return List.of();
        }
        return jdbc.sql("select idx, leaf_hash, content_hash from notary.leaf where entry_kind = ? and entry_ref = ? order by idx")
                .params(entryKind, entryRef)
                .query((rs, n) -> new Receipt(rs.getLong("idx"), entryKind, entryRef, rs.getBytes("content_hash"), rs.getBytes("leaf_hash"),
                        head, inclusionProof(rs.getLong("idx"), head.size())))
                .list();
    }

    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    public java.security.PublicKey publicKey() {
        return key.publicKey();
    }

    public String keyId() {
        return key.keyId();
    }

    private SignedTreeHead sign(long size, byte[] root) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] signature = key.sign(SignedTreeHead.signedBytes(size, root, now));
        jdbc.sql("insert into notary.tree_head (tree_size, root_hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?)")
                .params(size, root, java.sql.Timestamp.from(now), key.keyId(), signature).update();
        return new SignedTreeHead(size, root, now, key.keyId(), signature);
    }

    private void requireSize(long size) {
        if (treeHead(size).isEmpty()) {
            throw new IllegalArgumentException("the log has no signed tree head of size " + size);
        }
    }

    MerkleProofs.Subtrees subtrees(Map<Long, byte[]> fresh) {
        return new MerkleProofs.Subtrees() {
            @Override
            public byte[] root(long start, long end) {
                long n = end - start;
                if (Long.bitCount(n) == 1 && start % n == 0) {
                    int level = Long.numberOfTrailingZeros(n);
                    return hash(level, start >> level, fresh);
                }
                long k = MerkleHash.split(n);
                return MerkleHash.node(root(start, start + k), root(start + k, end));
            }
        };
    }

    private byte[] hash(int level, long idx, Map<Long, byte[]> fresh) {
        long k = key(level, idx);
        byte[] hash = fresh.get(k);
        if (hash == null) {
            hash = committed.get(k);
        }
        if (hash == null) {
            hash = level == 0
                    ? jdbc.sql("select leaf_hash from notary.leaf where idx = ?").param(idx).query(byte[].class).single()
                    : jdbc.sql("select hash from notary.subtree where level = ? and idx = ?").params(level, idx).query(byte[].class).single();
            committed.put(k, hash); // read from the database: committed, immutable
        }
        return hash;
    }

    /** Level in the top 6 bits, index in the rest (indexes stay far below 2^58). */
    private static long key(int level, long idx) {
        return ((long) level << 58) | idx;
    }

    private static SignedTreeHead mapHead(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SignedTreeHead(rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getTimestamp("signed_at").toInstant(),
                rs.getString("key_id"), rs.getBytes("signature"));
    }
}
