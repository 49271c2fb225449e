package org.opencets.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Content-addressed files under a directory: {@code ab/cd/abcd…} by SHA-256. */
class LocalBlobStore implements BlobStore {

    private final Path root;

    LocalBlobStore(Path root) {
        this.root = root;
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(path(sha256));
    }

    @Override
    public void put(String sha256, Path verifiedTempFile, String mediaType) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return; // stored once
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(verifiedTempFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another upload of the same content won the race: same bytes, nothing to do
        } catch (IOException e) {
            Files.copy(verifiedTempFile, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 address: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
