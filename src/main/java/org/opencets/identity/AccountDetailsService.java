package org.opencets.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                select u.id, u.version, u.username, u.display_name, u.password_hash, u.enabled, u.locked_until,
                       o.id as org_id, o.name as org_name, o.kind, o.region_code, o.uscc, o.active,
                       (select string_agg(role, ',') from identity.user_role r where r.user_id = u.id) as roles
                from identity.user_account u join identity.organisation o on o.id = u.organisation_id
                where u.username = ?""")
                .param(username == null ? "" : username.strip().toLowerCase())
                .query((rs, n) -> {
                    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                    String csv = rs.getString("roles");
                    if (csv != null) {
                        for (String r : csv.split(",")) {
                            roles.add(Role.valueOf(r));
                        }
                    }
                    String uscc = rs.getString("uscc");
                    CurrentUser user = new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"),
                            rs.getString("display_name"), rs.getObject("org_id", UUID.class), rs.getString("org_name"),
                            OrganisationKind.valueOf(rs.getString("kind")), RegionCode.of(rs.getString("region_code")),
                            uscc == null ? null : Uscc.of(uscc), roles);
                    var lockedUntil = rs.getTimestamp("locked_until");
                    boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now());
                    return new AccountDetails(user, rs.getString("password_hash"),
                            rs.getBoolean("enabled") && rs.getBoolean("active"), locked, rs.getInt("version"));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
