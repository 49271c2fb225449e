package org.opencets.identity;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencets.shared.InvalidValueException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's administrator manages its own people: add, disable, reset password, assign
 * roles. A province administrator may also do so for organisations in its province (e.g. to give a
 * newly created organisation its first administrator).
 */
@Service
public class People {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Organisations organisations;

    People(JdbcClient jdbc, PasswordEncoder passwordEncoder, Organisations organisations) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.organisations = organisations;
    }

    /** A new account and the one-time password to hand to its owner. */
    public record Created(Person person, String initialPassword) {
    }

    public List<Person> membersOf(CurrentUser actor, UUID organisationId) {
        requireAdministrator(actor, organisationId);
        return jdbc.sql(SELECT + " where u.organisation_id = ? group by u.id order by u.username")
                .param(organisationId).query(People::map).list();
    }

    @Transactional
    public Created add(CurrentUser actor, UUID organisationId, String username, String displayName, String email, Set<Role> roles) {
        requireAdministrator(actor, organisationId);
        String password = generatePassword();
        return new Created(createUnchecked(organisationId, username, displayName, email, roles, password), password);
    }

    @Transactional
    public void setEnabled(CurrentUser actor, UUID userId, boolean enabled) {
        Person person = requireManageable(actor, userId);
        if (!enabled && person.id().equals(actor.userId())) {
            throw new InvalidValueException("person.disable.self", "You cannot disable your own account");
        }
        jdbc.sql("update identity.user_account set enabled = ?, version = version + 1 where id = ?").params(enabled, userId).update();
    }

    /** Sets a new random password, unlocks the account and returns the password to hand over. */
    @Transactional
    public String resetPassword(CurrentUser actor, UUID userId) {
        requireManageable(actor, userId);
        String password = generatePassword();
        jdbc.sql("""
                update identity.user_account set password_hash = ?, failed_attempts = 0, locked_until = null,
                version = version + 1 where id = ?""").params(passwordEncoder.encode(password), userId).update();
        return password;
    }

    @Transactional
    public void assignRoles(CurrentUser actor, UUID userId, Set<Role> roles) {
        requireManageable(actor, userId);
        if (roles == null || roles.isEmpty()) {
            throw new InvalidValueException("person.roles.empty", "Choose at least one role");
        }
        if (userId.equals(actor.userId()) && !roles.contains(Role.ADMIN)) {
            throw new InvalidValueException("person.roles.self", "You cannot remove your own administrator role");
        }
        jdbc.sql("delete from identity.user_role where user_id = ?").param(userId).update();
        roles.forEach(role -> jdbc.sql("insert into identity.user_role (user_id, role) values (?, ?)").params(userId, role.name()).update());
        jdbc.sql("update identity.user_account set version = version + 1 where id = ?").param(userId).update();
    }

    /** For start-up data: creates an account with a known password, no authorisation check. */
    @Transactional
    public Person createUnchecked(UUID organisationId, String username, String displayName, String email, Set<Role> roles, String password) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!name.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw new InvalidValueException("person.username.format",
                    "Username: 3–64 lower-case letters, digits, dot, underscore or hyphen", username);
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidValueException("person.displayName.blank", "Name is required");
        }
        if (roles == null || roles.isEmpty()) {
            throw new InvalidValueException("person.roles.empty", "Choose at least one role");
        }
        if (displayName.strip().length() > 100) {
            throw new InvalidValueException("person.displayName.tooLong", "Name: at most 100 characters");
        }
        if (email != null && !email.isBlank() && (email.strip().length() > 200 || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidValueException("email.format", "Not an e-mail address", email);
        }
        Integer taken = jdbc.sql("select count(*) from identity.user_account where username = ?").param(name).query(Integer.class).single();
        if (taken > 0) {
            throw new InvalidValueException("person.username.taken", "This username is taken", name);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.user_account (id, organisation_id, username, display_name, email, password_hash)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, name, displayName.strip(), blankToNull(email), passwordEncoder.encode(password)).update();
        roles.forEach(role -> jdbc.sql("insert into identity.user_role (user_id, role) values (?, ?)").params(id, role.name()).update());
        return new Person(id, organisationId, name, displayName.strip(), blankToNull(email), EnumSet.copyOf(roles), true, false);
    }

    /** Who hears about an organisation's obligations: its enabled members (system use: reminders). */
    public List<Person> activeMembersOf(UUID organisationId) {
        return jdbc.sql(SELECT + " where u.organisation_id = ? and u.enabled group by u.id order by u.username")
                .param(organisationId).query(People::map).list();
    }

    public Person get(UUID userId) {
        return jdbc.sql(SELECT + " where u.id = ? group by u.id").param(userId).query(People::map).optional()
                .orElseThrow(() -> new InvalidValueException("person.unknown", "No such account", userId));
    }

    private Person requireManageable(CurrentUser actor, UUID userId) {
        Person person = get(userId);
        requireAdministrator(actor, person.organisationId());
        return person;
    }

    private void requireAdministrator(CurrentUser actor, UUID organisationId) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDenied("denied.people", "Only an administrator manages people");
        }
        if (actor.organisationId().equals(organisationId)) {
            return;
        }
        Organisation target = organisations.find(organisationId)
                .orElseThrow(() -> new AccessDenied("denied.people", "Only an administrator manages people"));
        boolean provinceOverOwnRegion = actor.kind() == OrganisationKind.PROVINCE_BUREAU && actor.region().contains(target.region())
                && !target.kind().isNational();
        if (!provinceOverOwnRegion) {
            throw new AccessDenied("denied.people", "You may manage only your own organisation's people");
        }
    }

    private static String generatePassword() {
        StringBuilder sb = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String SELECT = """
            select u.id, u.organisation_id, u.username, u.display_name, u.email, u.enabled, u.locked_until,
                   string_agg(r.role, ',') as roles
            from identity.user_account u left join identity.user_role r on r.user_id = u.id""";

    private static Person map(ResultSet rs, int row) throws SQLException {
        EnumSet<Role> roles = Role.parseCsv(rs.getString("roles"));
        var lockedUntil = rs.getTimestamp("locked_until");
        return new Person(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), rs.getString("email"), roles, rs.getBoolean("enabled"),
                lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now()));
    }
}
