package org.opencets.notary;

import java.util.List;

/**
 * What the depositor keeps: where the entry sits in the log, its leaf hash, the signed tree head at the time and
 * the inclusion proof from the leaf to that head's root. Verifiable with the log's public key alone.
 */
public record Receipt(long index, String entryKind, String entryRef, byte[] contentHash, byte[] leafHash, SignedTreeHead treeHead,
        List<byte[]> inclusionPath) {

    /** The leaf is the content hash bound to what it is: entry kind and reference (so a hash cannot be re-labelled). */
    public static byte[] leafEntry(String entryKind, String entryRef, byte[] contentHash) {
        return (entryKind + "\n" + entryRef + "\n" + MerkleHash.hex(contentHash)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
