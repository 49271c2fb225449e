package org.opencets.notary;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Benchmark (not in the suite; run {@code bench/notary.sh [appends]}): appends to the log and proof verification. */
@IntegrationTest
class NotaryBench {

    static final int APPENDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_APPENDS", "100000"));
    static final int PROOFS = 10_000;

    @Autowired
    TransparencyLog log;
    @Autowired
    LogAudit audit;

    @Test
    void appendAndProve() {
        long t0 = System.nanoTime();
        Receipt last = null;
        for (int i = 0; i < APPENDS; i++) {
            last = log.append("BENCH_DEPOSIT", "unit-" + (i % 4000) + ":" + i, MerkleHash.sha256(("deposit " + i).getBytes()));
        }
        long appended = System.nanoTime();
        long size = last.treeHead().size();
        Random random = new Random(42);
        List<long[]> indexes = new ArrayList<>();
        List<List<byte[]>> proofs = new ArrayList<>();
        for (int i = 0; i < PROOFS; i++) {
            long index = (long) (random.nextDouble() * size);
            indexes.add(new long[] {index});
            proofs.add(log.inclusionProof(index, size));
        }
        long built = System.nanoTime();
        List<byte[]> leafHashes = new ArrayList<>(); // read outside the timing
        for (long[] index : indexes) {
            leafHashes.add(leafHash(index[0]));
        }
        long v0 = System.nanoTime();
        int verified = 0;
        for (int i = 0; i < PROOFS; i++) {
            if (MerkleProofs.verifyInclusion(leafHashes.get(i), indexes.get(i)[0], size, proofs.get(i), last.treeHead().rootHash())) {
                verified++;
            }
        }
        long v1 = System.nanoTime();
        long a0 = System.nanoTime();
        List<String> problems = audit.problems();
        long a1 = System.nanoTime();
        System.out.printf("BENCH appends: %d in %d ms (%.0f appends/s, each with a signed tree head and its receipt)%n", APPENDS,
                (appended - t0) / 1_000_000, APPENDS / ((appended - t0) / 1e9));
        System.out.printf("BENCH inclusion proofs built: %d in %d ms (%.0f/s) for a tree of %d%n", PROOFS, (built - appended) / 1_000_000,
                PROOFS / ((built - appended) / 1e9), size);
        System.out.printf("BENCH inclusion proofs verified: %d of %d in %d ms (%.0f/s)%n", verified, PROOFS, (v1 - v0) / 1_000_000,
                PROOFS / ((v1 - v0) / 1e9));
        System.out.printf("BENCH full audit of %d leaves: %d ms, %d problems%n", size, (a1 - a0) / 1_000_000, problems.size());
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private byte[] leafHash(long index) {
        return jdbc.sql("select leaf_hash from notary.leaf where idx = ?").param(index).query(byte[].class).single();
    }
}
