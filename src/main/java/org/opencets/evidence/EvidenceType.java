package org.opencets.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of evidence file accepted, each recognised by its extension and confirmed by its first bytes (a file
 * renamed to .pdf is refused). Video may be large; documents and photos are capped lower.
 */
public enum EvidenceType {
    PDF("application/pdf", 50, List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", 30, List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", 30, List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 20, List.of("xlsx"), new byte[] {'P', 'K', 3, 4}),
    MP4("video/mp4", 2048, List.of("mp4", "mov"), null);

    private final String mediaType;
    private final long maxMegabytes;
    private final List<String> extensions;
    private final byte[] magic;

    EvidenceType(String mediaType, long maxMegabytes, List<String> extensions, byte[] magic) {
        this.mediaType = mediaType;
        this.maxMegabytes = maxMegabytes;
        this.extensions = extensions;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public long maxBytes() {
        return maxMegabytes * 1024 * 1024;
    }

    public long maxMegabytes() {
        return maxMegabytes;
    }

    public static Optional<EvidenceType> byFileName(String fileName) {
        if (fileName == null || !fileName.contains(".")) {
            return Optional.empty();
        }
        String ext = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(ext)).findFirst();
    }

    /** Do the file's first bytes say it is this type? (ISO base media: "ftyp" at offset 4.) */
    boolean matches(byte[] head, int length) {
        if (this == MP4) {
            return length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
        }
        if (length < magic.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }
}
