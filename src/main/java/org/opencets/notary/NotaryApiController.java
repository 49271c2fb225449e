package org.opencets.notary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import java.util.List;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/notary}: the public side of the transparency log — key, signed heads, proofs, receipt check. */
@RestController
@RequestMapping("/api/v1/notary")
@Tag(name = "Transparency log", description = "Signed tree heads, inclusion and consistency proofs (RFC 9162) for deposit receipts")
class NotaryApiController {

    private final TransparencyLog log;

    NotaryApiController(TransparencyLog log) {
        this.log = log;
    }

    record TreeHeadResource(long size, String rootHash, String signedAt, String keyId, String signature) {
        static TreeHeadResource of(SignedTreeHead h) {
            return new TreeHeadResource(h.size(), MerkleHash.hex(h.rootHash()), h.signedAt().toString(), h.keyId(),
                    Base64.getEncoder().encodeToString(h.signature()));
        }
    }

    record ProofResource(long from, long to, List<String> proof) {
    }

    record Verification(boolean verified, List<ReceiptVerifier.Check> checks) {
    }

    @GetMapping(value = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The log's Ed25519 public key (PEM) that signs every tree head")
    String publicKey() {
        return log.publicKeyPem();
    }

    @GetMapping("/tree-head")
    @Operation(summary = "The latest signed tree head")
    TreeHeadResource treeHead() {
        return TreeHeadResource.of(log.latestTreeHead().orElseThrow(() -> new ValidationFailed(
                FieldViolation.of("size", "notary.empty", "The log is still empty"))));
    }

    @GetMapping("/proofs/inclusion")
    @Operation(summary = "Inclusion proof of leaf `index` in the signed tree of `size` leaves")
    ProofResource inclusion(@RequestParam long index, @RequestParam long size) {
        return new ProofResource(index, size, hex(proof(() -> log.inclusionProof(index, size))));
    }

    @GetMapping("/proofs/consistency")
    @Operation(summary = "Consistency proof that the signed tree of `from` leaves is a prefix of the one of `to` leaves")
    ProofResource consistency(@RequestParam long from, @RequestParam long to) {
        return new ProofResource(from, to, hex(proof(() -> log.consistencyProof(from, to))));
    }

    @PostMapping(value = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify a receipt (as issued) against the log's key")
    Verification verify(@RequestBody String receiptJson) {
        Receipt receipt;
        try {
            receipt = ReceiptJson.read(receiptJson);
        } catch (RuntimeException e) {
            throw new ValidationFailed(FieldViolation.of("receipt", "notary.receipt.malformed", "This is not a receipt: {0}", e.getMessage()));
        }
        List<ReceiptVerifier.Check> checks = ReceiptVerifier.verify(receipt, log.publicKey());
        return new Verification(ReceiptVerifier.allHold(checks), checks);
    }

    private static List<byte[]> proof(java.util.function.Supplier<List<byte[]>> proof) {
        try {
            return proof.get();
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed(FieldViolation.of("size", "notary.proof.impossible", "No such proof: {0}", e.getMessage()));
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHash::hex).toList();
    }
}
