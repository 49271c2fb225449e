package org.opencets.notary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receipt as a small JSON document (what the API returns and a depositor stores), written and read without a
 * JSON library so the command-line verifier runs on a bare JDK. Hashes are hex, the signature base64.
 */
public final class ReceiptJson {

    private ReceiptJson() {
    }

    public static String write(Receipt r) {
        StringBuilder path = new StringBuilder();
        for (byte[] p : r.inclusionPath()) {
            path.append(path.isEmpty() ? "" : ", ").append('"').append(MerkleHash.hex(p)).append('"');
        }
        SignedTreeHead h = r.treeHead();
        return """
                {
                  "index": %d,
                  "entryKind": "%s",
                  "entryRef": "%s",
                  "contentHash": "%s",
                  "leafHash": "%s",
                  "treeHead": {"size": %d, "rootHash": "%s", "signedAt": "%s", "keyId": "%s", "signature": "%s"},
                  "inclusionPath": [%s]
                }
                """.formatted(r.index(), escape(r.entryKind()), escape(r.entryRef()), MerkleHash.hex(r.contentHash()),
                MerkleHash.hex(r.leafHash()), h.size(), MerkleHash.hex(h.rootHash()), h.signedAt(), h.keyId(),
                Base64.getEncoder().encodeToString(h.signature()), path);
    }

    public static Receipt read(String json) {
        SignedTreeHead head = new SignedTreeHead(Long.parseLong(field(json, "size")), MerkleHash.fromHex(field(json, "rootHash")),
                Instant.parse(field(json, "signedAt")), field(json, "keyId"), Base64.getDecoder().decode(field(json, "signature")));
        List<byte[]> path = new ArrayList<>();
        Matcher array = Pattern.compile("\"inclusionPath\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!array.find()) {
            throw new IllegalArgumentException("receipt has no inclusionPath");
        }
        Matcher hex = Pattern.compile("\"([0-9a-fA-F]{64})\"").matcher(array.group(1));
        while (hex.find()) {
            path.add(MerkleHash.fromHex(hex.group(1)));
        }
        return new Receipt(Long.parseLong(field(json, "index")), unescape(field(json, "entryKind")), unescape(field(json, "entryRef")),
                MerkleHash.fromHex(field(json, "contentHash")), MerkleHash.fromHex(field(json, "leafHash")), head, path);
    }

    /** A string or number field by name (names are unique in a receipt). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+))").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("receipt has no " + name);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
