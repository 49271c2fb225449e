package org.opencets.notary;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a receipt with nothing but the log's public key: the leaf is the entry's hash, the tree head is signed by
 * the log, and the inclusion path leads from the leaf to the signed root. Optionally also that a later signed head
 * extends the receipt's one (consistency). Dependency-free: the command-line verifier uses it as is.
 */
public final class ReceiptVerifier {

    /** One check and whether it held. */
    public record Check(String what, boolean ok) {
    }

    private ReceiptVerifier() {
    }

    public static List<Check> verify(Receipt receipt, PublicKey logKey) {
        List<Check> checks = new ArrayList<>();
        byte[] expectedLeaf = MerkleHash.leaf(Receipt.leafEntry(receipt.entryKind(), receipt.entryRef(), receipt.contentHash()));
        checks.add(new Check("leaf hash = H(entry kind, reference, content hash)", Arrays.equals(expectedLeaf, receipt.leafHash())));
        checks.add(new Check("tree head signed by the log key", signatureValid(receipt.treeHead(), logKey)));
        checks.add(new Check("inclusion proof: leaf " + receipt.index() + " is in the tree of " + receipt.treeHead().size(),
                MerkleProofs.verifyInclusion(receipt.leafHash(), receipt.index(), receipt.treeHead().size(), receipt.inclusionPath(),
                        receipt.treeHead().rootHash())));
        return checks;
    }

    /** The later head is signed and the log between the two only grew. */
    public static List<Check> verifyGrowth(SignedTreeHead earlier, SignedTreeHead later, List<byte[]> consistencyProof, PublicKey logKey) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("later tree head signed by the log key", signatureValid(later, logKey)));
        checks.add(new Check("consistency: tree of " + earlier.size() + " is a prefix of tree of " + later.size(),
                MerkleProofs.verifyConsistency(earlier.size(), later.size(), earlier.rootHash(), later.rootHash(), consistencyProof)));
        return checks;
    }

    /** Reads the log's published Ed25519 key (X.509 PEM); kept here so the command-line verifier needs nothing else. */
    public static PublicKey publicKeyFromPem(String pem) throws java.security.GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(base64)));
    }

    public static boolean allHold(List<Check> checks) {
        return checks.stream().allMatch(Check::ok);
    }

    static boolean signatureValid(SignedTreeHead head, PublicKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(head.signedBytes());
            return s.verify(head.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
