package org.opencets.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where file contents live, addressed by their SHA-256 (hex). Implementations: the local disk (default) and an
 * S3-compatible object store ({@code opencets.evidence.store=s3}).
 */
interface BlobStore {

    boolean exists(String sha256) throws IOException;

    /** Moves a fully written and hashed temporary file in under its address (no-op if already there). */
    void put(String sha256, Path verifiedTempFile, String mediaType) throws IOException;

    InputStream open(String sha256) throws IOException;
}
