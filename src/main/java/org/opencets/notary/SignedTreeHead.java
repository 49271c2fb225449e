package org.opencets.notary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The log's signed statement "after {@code size} entries my root is {@code rootHash}" (Ed25519 over
 * {@link #signedBytes()}). Receipts carry one; comparing two with a consistency proof shows the log only grew.
 */
public record SignedTreeHead(long size, byte[] rootHash, Instant signedAt, String keyId, byte[] signature) {

    /** The exact bytes signed: a versioned line format, so any verifier can rebuild them. */
    public byte[] signedBytes() {
        return signedBytes(size, rootHash, signedAt);
    }

    public static byte[] signedBytes(long size, byte[] rootHash, Instant signedAt) {
        return ("OpenCETS-STH-v1\n" + size + "\n" + MerkleHash.hex(rootHash) + "\n" + signedAt + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
