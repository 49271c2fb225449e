package org.opencets.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes evidence files in: streams them to a temporary file while hashing and counting (never more than the
 * type's limit is read), checks the bytes are what the extension claims, and stores the content once by SHA-256.
 */
@Service
public class EvidenceFiles {

    private final BlobStore store;
    private final JdbcClient jdbc;

    EvidenceFiles(BlobStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** Stores an upload; bad input (unknown type, wrong bytes, too large, empty) is refused and nothing is kept. */
    @Transactional
    public StoredEvidence store(CurrentUser uploader, String fileName, InputStream content) {
        String name = fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName().toString().strip();
        EvidenceType type = EvidenceType.byFileName(name).orElseThrow(() -> invalid("evidence.type.unknown",
                "Accepted files: PDF, JPG, PNG, XLSX, MP4/MOV", name));
        Path temp = null;
        try {
            temp = Files.createTempFile("evidence-", ".part");
            Received received = receive(content, temp, type);
            if (received.size() == 0) {
                throw invalid("evidence.empty", "The file {0} is empty", name);
            }
            if (!type.matches(received.head(), received.headLength())) {
                throw invalid("evidence.type.mismatch", "{0} is not a {1} file although its name says so", name, type.name());
            }
            boolean known = jdbc.sql("select count(*) from evidence.content where sha256 = ?").param(received.sha256())
                    .query(Long.class).single() > 0;
            if (!known || !store.exists(received.sha256())) {
                store.put(received.sha256(), temp, type.mediaType());
                jdbc.sql("insert into evidence.content (sha256, media_type, size_bytes) values (?, ?, ?) on conflict do nothing")
                        .params(received.sha256(), type.mediaType(), received.size()).update();
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("insert into evidence.upload (id, sha256, file_name, organisation_id, uploaded_by) values (?, ?, ?, ?, ?)")
                    .params(id, received.sha256(), name, uploader.organisationId(), uploader.username()).update();
            return new StoredEvidence(id, name, received.sha256(), type, received.size(), known);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store evidence " + name, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The stored bytes, checked against their address while read (a changed file fails at the end). */
    public InputStream open(String sha256) throws IOException {
        return new VerifyingInputStream(store.open(sha256), sha256);
    }

    /** Re-reads the stored content and says whether it still has its hash (tampering on disk or in the bucket). */
    public boolean intact(String sha256) {
        try (InputStream in = store.open(sha256)) {
            MessageDigest d = sha256();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest()).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    public Optional<String> mediaType(String sha256) {
        return jdbc.sql("select media_type from evidence.content where sha256 = ?").param(sha256).query(String.class).optional();
    }

    private record Received(String sha256, long size, byte[] head, int headLength) {
    }

    private static Received receive(InputStream content, Path temp, EvidenceType type) throws IOException {
        MessageDigest digest = sha256();
        byte[] head = new byte[16];
        int headLength = 0;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
            for (int n; (n = content.read(buffer)) > 0; ) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                size += n;
                if (size > type.maxBytes()) {
                    throw invalid("evidence.tooLarge", "{0} files may be at most {1} MB", type.name(), String.valueOf(type.maxMegabytes()));
                }
                out.write(buffer, 0, n);
            }
        }
        return new Received(HexFormat.of().formatHex(digest.digest()), size, head, headLength);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationFailed invalid(String key, String message, Object... args) {
        return new ValidationFailed(FieldViolation.of("file", key, message, args));
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
