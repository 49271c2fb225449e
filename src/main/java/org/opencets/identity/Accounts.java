package org.opencets.identity;

import java.util.Optional;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Acting as a named account outside a web request (the demo loader, jobs that replay a person's steps). */
@Service
public class Accounts {

    private final AccountDetailsService details;

    Accounts(AccountDetailsService details) {
        this.details = details;
    }

    public Optional<CurrentUser> byUsername(String username) {
        try {
            return Optional.of(((AccountDetails) details.loadUserByUsername(username)).user());
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
