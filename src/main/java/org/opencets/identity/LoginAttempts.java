package org.opencets.identity;

import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Locks an account for a while after repeated wrong passwords; a successful login resets the count. */
@Component
class LoginAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName()).strip().toLowerCase();
        jdbc.sql("""
                update identity.user_account
                set failed_attempts = case when locked_until < now() then 1 else failed_attempts + 1 end,
                    locked_until = case when locked_until < now() then null
                                        when failed_attempts + 1 >= ? then now() + make_interval(mins => ?)
                                        else locked_until end
                where username = ?""")
                .params(MAX_FAILURES, (int) LOCK_DURATION.toMinutes(), username).update();
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountDetails details) {
            jdbc.sql("update identity.user_account set failed_attempts = 0, locked_until = null where id = ? and failed_attempts > 0")
                    .param(details.user().userId()).update();
        }
    }
}
