package org.opencets.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.shared.InvalidValueException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys let an organisation's systems (e.g. a plant's DCS) call {@code /api/v1} as the
 * organisation. A key is {@code <prefix>.<secret>}; only a SHA-256 of the secret is stored, and the
 * full key is shown once, when created.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Organisations organisations;

    ApiKeys(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    public record ApiKey(UUID id, String name, String prefix, Instant createdAt, String createdBy, Instant lastUsedAt, Instant revokedAt) {
    }

    public record Issued(ApiKey key, String secretKey) {
    }

    public List<ApiKey> of(CurrentUser admin) {
        requireAdmin(admin);
        return jdbc.sql("""
                select id, name, key_prefix, created_at, created_by, last_used_at, revoked_at
                from identity.api_key where organisation_id = ? order by created_at desc""")
                .param(admin.organisationId())
                .query((rs, n) -> new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("key_prefix"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    @Transactional
    public Issued issue(CurrentUser admin, String name) {
        requireAdmin(admin);
        return issueUnchecked(admin.organisationId(), name, admin.username());
    }

    @Transactional
    public Issued issueUnchecked(UUID organisationId, String name, String createdBy) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("apikey.name.blank", "Give the key a name (which system uses it)");
        }
        if (name.strip().length() > 100) {
            throw new InvalidValueException("apikey.name.tooLong", "Key name: at most 100 characters");
        }
        String prefix = "oc" + random(8);
        String secret = random(32);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into identity.api_key (id, organisation_id, name, key_prefix, key_hash, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, organisationId, name.strip(), prefix, sha256(secret), createdBy).update();
        return new Issued(new ApiKey(id, name.strip(), prefix, Instant.now(), createdBy, null, null), prefix + "." + secret);
    }

    @Transactional
    public void revoke(CurrentUser admin, UUID keyId) {
        requireAdmin(admin);
        jdbc.sql("update identity.api_key set revoked_at = now() where id = ? and organisation_id = ? and revoked_at is null")
                .params(keyId, admin.organisationId()).update();
    }

    /** The organisation acting through this key, when the key is valid and not revoked. */
    @Transactional
    Optional<CurrentUser> authenticate(String presentedKey) {
        if (presentedKey == null || !presentedKey.contains(".")) {
            return Optional.empty();
        }
        String prefix = presentedKey.substring(0, presentedKey.indexOf('.'));
        String secret = presentedKey.substring(presentedKey.indexOf('.') + 1);
        return jdbc.sql("select organisation_id, key_hash from identity.api_key where key_prefix = ? and revoked_at is null")
                .param(prefix)
                .query((rs, n) -> new Object[] {rs.getObject("organisation_id", UUID.class), rs.getString("key_hash")})
                .optional()
                .filter(row -> MessageDigest.isEqual(((String) row[1]).getBytes(StandardCharsets.US_ASCII),
                        sha256(secret).getBytes(StandardCharsets.US_ASCII)))
                .flatMap(row -> organisations.find((UUID) row[0]))
                .filter(Organisation::active)
                .map(org -> {
                    // at most once a minute: a machine client sending thousands of requests must not queue on its key's row
                    jdbc.sql("update identity.api_key set last_used_at = now() where key_prefix = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                            .param(prefix).update();
                    return new CurrentUser(null, "apikey:" + prefix, org.name() + " (API)", org.id(), org.name(),
                            org.kind(), org.region(), org.uscc(), EnumSet.of(Role.OFFICER));
                });
    }

    private static void requireAdmin(CurrentUser admin) {
        if (!admin.has(Role.ADMIN) || admin.userId() == null) {
            throw new AccessDenied("denied.apikeys", "Only an administrator manages API keys");
        }
    }

    private static String random(int length) {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
