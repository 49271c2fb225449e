package org.opencets.notary;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command-line verifier (bare JDK):
 * {@code java -cp target/classes org.opencets.notary.VerifyReceipt receipt.json log-public-key.pem [log-url]}.
 * Checks the receipt with the public key; with the log's URL (e.g. http://host/api/v1/notary) also fetches the
 * latest signed tree head and checks that the log has only grown since the receipt. Exit code 0 when all holds.
 */
public final class VerifyReceipt {

    private VerifyReceipt() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** 0 verified, 1 not verified, 2 usage error. */
    static int run(String[] args, java.io.PrintStream out) throws Exception {
        if (args.length < 2) {
            out.println("usage: VerifyReceipt receipt.json log-public-key.pem [log-url]");
            return 2;
        }
        Receipt receipt = ReceiptJson.read(Files.readString(Path.of(args[0])));
        PublicKey key = ReceiptVerifier.publicKeyFromPem(Files.readString(Path.of(args[1])));
        List<ReceiptVerifier.Check> checks = new ArrayList<>(ReceiptVerifier.verify(receipt, key));
        if (args.length > 2) {
            checks.addAll(checkGrowth(receipt, key, args[2].replaceAll("/$", "")));
        }
        checks.forEach(c -> out.println((c.ok() ? "OK    " : "FAIL  ") + c.what()));
        boolean ok = ReceiptVerifier.allHold(checks);
        out.println(ok ? "Receipt verified: entry " + receipt.entryKind() + " " + receipt.entryRef() + " is leaf " + receipt.index()
                + " of the log." : "Receipt NOT verified.");
        return ok ? 0 : 1;
    }

    private static List<ReceiptVerifier.Check> checkGrowth(Receipt receipt, PublicKey key, String logUrl) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String head = get(http, logUrl + "/tree-head");
        SignedTreeHead latest = new SignedTreeHead(Long.parseLong(ReceiptJson.field(head, "size")),
                MerkleHash.fromHex(ReceiptJson.field(head, "rootHash")), java.time.Instant.parse(ReceiptJson.field(head, "signedAt")),
                ReceiptJson.field(head, "keyId"), Base64.getDecoder().decode(ReceiptJson.field(head, "signature")));
        List<byte[]> proof = new ArrayList<>();
        if (latest.size() > receipt.treeHead().size()) {
            String body = get(http, logUrl + "/proofs/consistency?from=" + receipt.treeHead().size() + "&to=" + latest.size());
            Matcher hex = Pattern.compile("\"([0-9a-fA-F]{64})\"").matcher(body);
            while (hex.find()) {
                proof.add(MerkleHash.fromHex(hex.group(1)));
            }
        }
        return ReceiptVerifier.verifyGrowth(receipt.treeHead(), latest, proof, key);
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
