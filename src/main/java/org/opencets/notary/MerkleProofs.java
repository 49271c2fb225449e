package org.opencets.notary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Building (from any source of subtree hashes) and verifying (from the proof alone) RFC 9162 inclusion and
 * consistency proofs. Verification is §2.1.3.2 and §2.1.4.2 step by step; it needs nothing but this class.
 */
public final class MerkleProofs {

    /** Hashes of the leaves as stored: the proof builders ask for the root of any leaf range. */
    public interface Subtrees {
        /** MTH(D[start:end]): the Merkle root of the leaves start (inclusive) to end (exclusive). */
        byte[] root(long start, long end);
    }

    private MerkleProofs() {
    }

    /** RFC 9162 §2.1.3.1 PATH(m, D[start:end]), leaf index m relative to start; nearest sibling first. */
    public static List<byte[]> inclusion(Subtrees tree, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        inclusion(tree, index, 0, size, path);
        return path;
    }

    private static void inclusion(Subtrees tree, long m, long start, long end, List<byte[]> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = MerkleHash.split(n);
        if (m < k) {
            inclusion(tree, m, start, start + k, path);
            path.add(tree.root(start + k, end));
        } else {
            inclusion(tree, m - k, start + k, end, path);
            path.add(tree.root(start, start + k));
        }
    }

    /** RFC 9162 §2.1.4.1 PROOF(m, D[0:n]): that the tree of the first m leaves is a prefix of the tree of n. */
    public static List<byte[]> consistency(Subtrees tree, long oldSize, long newSize) {
        if (oldSize < 1 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from " + oldSize + " to " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize < newSize) {
            subproof(tree, oldSize, 0, newSize, true, proof);
        }
        return proof;
    }

    private static void subproof(Subtrees tree, long m, long start, long end, boolean complete, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(tree.root(start, end));
            }
            return;
        }
        long k = MerkleHash.split(n);
        if (m <= k) {
            subproof(tree, m, start, start + k, complete, proof);
            proof.add(tree.root(start + k, end));
        } else {
            subproof(tree, m - k, start + k, end, false, proof);
            proof.add(tree.root(start, start + k));
        }
    }

    /** RFC 9162 §2.1.3.2: does the path lead from this leaf hash at this index to the root of a tree of this size? */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2: is the tree with oldRoot (oldSize leaves) a prefix of the tree with newRoot? */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (oldSize < 1 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) {
            path.add(0, oldRoot); // a power of two: the old root is itself a node of the new tree
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot);
    }
}
