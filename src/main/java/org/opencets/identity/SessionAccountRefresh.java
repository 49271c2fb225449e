package org.opencets.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes account changes reach sessions that are already logged in: a disabled person (or
 * organisation) is logged out at their next request; changed roles apply at the next request.
 */
class SessionAccountRefresh extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final AccountDetailsService accounts;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionAccountRefresh(JdbcClient jdbc, AccountDetailsService accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountDetails details) {
            Integer version = jdbc.sql("""
                    select u.version from identity.user_account u join identity.organisation o on o.id = u.organisation_id
                    where u.id = ? and u.enabled and o.active""")
                    .param(details.user().userId()).query(Integer.class).optional().orElse(null);
            if (version == null) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?disabled");
                return;
            }
            if (version != details.version()) {
                UserDetails fresh = accounts.loadUserByUsername(details.getUsername());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
                SecurityContextHolder.setContext(context);
                repository.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
