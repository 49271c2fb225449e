package org.opencets.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Role;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RegionCode;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 4: uploads streamed, size and type limits enforced, duplicates stored once, tampering detected. */
@IntegrationTest
class EvidenceFilesTest {

    static final CurrentUser PLANT = new CurrentUser(UUID.randomUUID(), "plant", "Plant", UUID.randomUUID(), "电厂", OrganisationKind.KEY_EMITTER,
            RegionCode.of("330206"), null, EnumSet.of(Role.OFFICER));

    @Autowired
    EvidenceFiles evidence;
    @Autowired
    BlobStore store;

    static InputStream pdf(String text) {
        return new ByteArrayInputStream(("%PDF-1.4\n" + text + "\n%%EOF").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameContentIsStoredOnceAndEachUploadIsRecorded() throws IOException {
        String text = "化验报告 " + UUID.randomUUID();
        StoredEvidence first = evidence.store(PLANT, "C:\\reports\\2024-09 入厂煤化验.pdf", pdf(text));
        StoredEvidence again = evidence.store(PLANT, "copy.pdf", pdf(text));
        assertThat(first.fileName()).isEqualTo("2024-09 入厂煤化验.pdf");
        assertThat(first.alreadyStored()).isFalse();
        assertThat(again.alreadyStored()).isTrue();
        assertThat(again.sha256()).isEqualTo(first.sha256());
        assertThat(again.uploadId()).isNotEqualTo(first.uploadId());
        try (InputStream in = evidence.open(first.sha256())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(text);
        }
        assertThat(evidence.intact(first.sha256())).isTrue();
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
        assertThatThrownBy(() -> evidence.store(PLANT, "report.pdf", new ByteArrayInputStream(png))).isInstanceOfSatisfying(
                ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::messageKey).containsExactly("evidence.type.mismatch"));
        assertThatThrownBy(() -> evidence.store(PLANT, "tool.exe", pdf("x"))).isInstanceOfSatisfying(
                ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::messageKey).containsExactly("evidence.type.unknown"));
        assertThatThrownBy(() -> evidence.store(PLANT, "empty.pdf", new ByteArrayInputStream(new byte[0]))).isInstanceOfSatisfying(
                ValidationFailed.class, e -> assertThat(e.violations()).extracting(FieldViolation::messageKey).containsExactly("evidence.empty"));
        assertThat(evidence.store(PLANT, "photo.png", new ByteArrayInputStream(png)).type()).isEqualTo(EvidenceType.PNG);
    }

    @Test
    void anOversizedFileIsCutOffWhileStreamingAndNotKept() {
        long limit = EvidenceType.JPEG.maxBytes();
        InputStream huge = new InputStream() { // JPEG header, then zeros; never held in memory
            long served;

            @Override
            public int read() {
                if (served > limit + 10) {
                    return -1;
                }
                return served++ < 3 ? new int[] {0xFF, 0xD8, 0xFF}[(int) served - 1] : 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served > limit + 10) {
                    return -1;
                }
                int n = (int) Math.min(len, limit + 11 - served);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
        assertThatThrownBy(() -> evidence.store(PLANT, "煤样.jpg", huge)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::messageKey).containsExactly("evidence.tooLarge"));
    }

    @Test
    void aStoredFileChangedOnDiskIsDetected() throws IOException {
        StoredEvidence stored = evidence.store(PLANT, "meter.pdf", pdf("电表读数 " + UUID.randomUUID()));
        Path file = ((LocalBlobStore) store).path(stored.sha256());
        Files.writeString(file, "%PDF-1.4\nforged\n%%EOF");
        assertThat(evidence.intact(stored.sha256())).isFalse();
        assertThatThrownBy(() -> {
            try (InputStream in = evidence.open(stored.sha256())) {
                in.readAllBytes();
            }
        }).hasMessageContaining("has been altered");
    }
}
