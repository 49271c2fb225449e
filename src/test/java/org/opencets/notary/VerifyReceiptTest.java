package org.opencets.notary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A receipt verifies from the command line (key file only, and against the live log) and through the public API. */
@IntegrationTest
class VerifyReceiptTest {

    @Autowired
    TransparencyLog log;
    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @Test
    void theCommandLineVerifierChecksTheReceiptAndThatTheLogOnlyGrew(@TempDir Path dir) throws Exception {
        Receipt receipt = log.append("TEST_DEPOSIT", "cli-" + UUID.randomUUID(), MerkleHash.sha256("deposit".getBytes()));
        log.append("TEST_DEPOSIT", "cli-later-" + UUID.randomUUID(), MerkleHash.sha256("later".getBytes()));
        Path file = Files.writeString(dir.resolve("receipt.json"), ReceiptJson.write(receipt));
        Path key = Files.writeString(dir.resolve("log-public-key.pem"), log.publicKeyPem());

        Run ok = run(file.toString(), key.toString(), "http://localhost:" + port + "/api/v1/notary");
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("OK    inclusion proof", "OK    consistency", "Receipt verified");

        Path tampered = Files.writeString(dir.resolve("tampered.json"),
                ReceiptJson.write(receipt).replace(MerkleHash.hex(receipt.contentHash()), MerkleHash.hex(MerkleHash.sha256("forged".getBytes()))));
        Run bad = run(tampered.toString(), key.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.output()).contains("FAIL  leaf hash", "Receipt NOT verified");
    }

    @Test
    void theApiIsPublicAndVerifiesReceipts() throws Exception {
        Receipt receipt = log.append("TEST_DEPOSIT", "api-" + UUID.randomUUID(), MerkleHash.sha256("api".getBytes()));
        mvc.perform(post("/api/v1/notary/verify").contentType(MediaType.APPLICATION_JSON).content(ReceiptJson.write(receipt)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.verified").value(true));
        mvc.perform(post("/api/v1/notary/verify").contentType(MediaType.APPLICATION_JSON).content("{\"index\": 1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("receipt"));
        mvc.perform(get("/api/v1/notary/public-key")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/notary/proofs/consistency").param("from", "5").param("to", "999999999"))
                .andExpect(status().isBadRequest());
    }

    record Run(int exit, String output) {
    }

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyReceipt.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }
}
