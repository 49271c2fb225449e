package org.opencets.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Passes the stored bytes through and, at the end, fails if they no longer hash to their address. */
class VerifyingInputStream extends FilterInputStream {

    private final MessageDigest digest = EvidenceFiles.sha256();
    private final String expected;

    VerifyingInputStream(InputStream in, String expected) {
        super(in);
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            check();
        } else {
            digest.update(b, off, n);
        }
        return n;
    }

    private void check() throws IOException {
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            throw new IOException("stored evidence " + expected + " has been altered (now hashes to " + actual + ")");
        }
    }
}
