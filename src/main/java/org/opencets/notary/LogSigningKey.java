package org.opencets.notary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The log's Ed25519 key pair, generated on first start and kept in files outside the database (a database
 * administrator alone cannot forge tree heads). The public key is published; receipts name its id.
 */
@Component
class LogSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LogSigningKey.class);
    static final String PRIVATE_FILE = "log-signing-key.pk8";
    static final String PUBLIC_FILE = "log-public-key.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    LogSigningKey(@Value("${opencets.notary.key-dir:data/notary}") Path dir) {
        try {
            Path priv = dir.resolve(PRIVATE_FILE);
            if (!Files.exists(priv)) {
                generate(dir);
            }
            KeyFactory ed = KeyFactory.getInstance("Ed25519");
            this.privateKey = ed.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
            this.publicKey = publicKeyFromPem(Files.readString(dir.resolve(PUBLIC_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the log signing key in " + dir.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The log signing key in " + dir.toAbsolutePath() + " is not an Ed25519 key", e);
        }
    }

    byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String publicKeyPem() {
        return toPem(publicKey);
    }

    /** The first 16 hex digits of SHA-256 over the public key (X.509 DER). */
    String keyId() {
        return keyId(publicKey);
    }

    static String keyId(PublicKey key) {
        return MerkleHash.hex(MerkleHash.sha256(key.getEncoded())).substring(0, 16);
    }

    static String toPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static PublicKey publicKeyFromPem(String pem) throws GeneralSecurityException {
        return ReceiptVerifier.publicKeyFromPem(pem);
    }

    private static void generate(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path priv = dir.resolve(PRIVATE_FILE);
        Files.write(priv, pair.getPrivate().getEncoded());
        try {
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: rely on the directory's protection
        }
        Files.writeString(dir.resolve(PUBLIC_FILE), toPem(pair.getPublic()));
        log.info("Generated the transparency log signing key in {} (keep {} secret and backed up)", dir.toAbsolutePath(), PRIVATE_FILE);
    }
}
