package org.opencets.notary;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RFC 9162 §2.1.1 hashing: a leaf is SHA-256(0x00 ‖ entry), an inner node SHA-256(0x01 ‖ left ‖ right); the
 * prefixes keep a leaf from ever being passed off as a node. Dependency-free so the command-line verifier can use it.
 */
public final class MerkleHash {

    public static final int SIZE = 32;
    private static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private MerkleHash() {
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest d = digest();
        d.update((byte) 0x00);
        d.update(entry);
        return d.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = digest();
        d.update((byte) 0x01);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    public static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** The largest power of two smaller than n (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
