package org.opencets.notary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** RFC 9162 proofs against a naive Merkle tree: every honest proof verifies, every altered one fails. */
class MerkleProofsProperties {

    /** MTH straight from the RFC's recursive definition. */
    static byte[] naiveRoot(List<byte[]> leaves, int start, int end) {
        int n = end - start;
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(start);
        }
        int k = (int) MerkleHash.split(n);
        return MerkleHash.node(naiveRoot(leaves, start, start + k), naiveRoot(leaves, start + k, end));
    }

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHash.leaf(("deposit-" + i).getBytes()));
        }
        return leaves;
    }

    @Property(tries = 300)
    void everyLeafsInclusionProofVerifies(@ForAll @IntRange(min = 1, max = 300) int size, @ForAll @IntRange(min = 0, max = 299) int index) {
        Assume.that(index < size);
        List<byte[]> leaves = leaves(size);
        MerkleProofs.Subtrees tree = (s, e) -> naiveRoot(leaves, (int) s, (int) e);
        byte[] root = naiveRoot(leaves, 0, size);
        List<byte[]> path = MerkleProofs.inclusion(tree, index, size);
        assertThat(MerkleProofs.verifyInclusion(leaves.get(index), index, size, path, root)).isTrue();
        assertThat(MerkleProofs.verifyInclusion(MerkleHash.leaf("forged".getBytes()), index, size, path, root)).isFalse();
        if (size > 1) {
            assertThat(MerkleProofs.verifyInclusion(leaves.get(index), (index + 1) % size, size, path, root)).isFalse();
        }
        if (!path.isEmpty()) {
            List<byte[]> altered = new ArrayList<>(path);
            altered.set(0, MerkleHash.leaf("other".getBytes()));
            assertThat(MerkleProofs.verifyInclusion(leaves.get(index), index, size, altered, root)).isFalse();
        }
    }

    @Property(tries = 300)
    void theLogOnlyGrows(@ForAll @IntRange(min = 1, max = 300) int oldSize, @ForAll @IntRange(min = 0, max = 300) int added) {
        int newSize = oldSize + added;
        List<byte[]> leaves = leaves(newSize);
        MerkleProofs.Subtrees tree = (s, e) -> naiveRoot(leaves, (int) s, (int) e);
        byte[] oldRoot = naiveRoot(leaves, 0, oldSize);
        byte[] newRoot = naiveRoot(leaves, 0, newSize);
        List<byte[]> proof = MerkleProofs.consistency(tree, oldSize, newSize);
        assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof)).isTrue();
        if (added > 0) {
            // a log that rewrote history: same size, one earlier leaf changed
            List<byte[]> rewritten = new ArrayList<>(leaves);
            rewritten.set(oldSize - 1, MerkleHash.leaf("rewritten".getBytes()));
            byte[] forkedRoot = naiveRoot(rewritten, 0, newSize);
            assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, forkedRoot, proof)).isFalse();
            assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof.subList(0, proof.size() - 1))).isFalse();
        }
    }

    @Test
    void rfc9162TestShapes() {
        // a tree of 7 leaves: leaf 5's path is [h(4), h(6), root of 0..4] (RFC 9162 §2.1.5 example shapes)
        List<byte[]> leaves = leaves(7);
        MerkleProofs.Subtrees tree = (s, e) -> naiveRoot(leaves, (int) s, (int) e);
        assertThat(MerkleProofs.inclusion(tree, 5, 7)).containsExactly(leaves.get(4), leaves.get(6), naiveRoot(leaves, 0, 4));
        // consistency 3 → 7: [c, d, g, l] in the RFC's figure = [h(2), h(3), root 0..2, root 4..7]
        assertThat(MerkleProofs.consistency(tree, 3, 7)).containsExactly(leaves.get(2), leaves.get(3), naiveRoot(leaves, 0, 2),
                naiveRoot(leaves, 4, 7));
        assertThat(MerkleHash.hex(MerkleHash.emptyRoot())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
