package org.opencets.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Email goes out by SMTP when {@code spring.mail.host} is set (production, or a local catcher such as MailHog);
 * otherwise each email is written to the log (development and tests).
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger("opencets.email");

    @Bean
    EmailSender emailSender(ObjectProvider<JavaMailSender> smtp, @Value("${opencets.mail.from:noreply@opencets.local}") String from) {
        JavaMailSender mail = smtp.getIfAvailable();
        if (mail == null) {
            return (recipient, subject, body) -> log.info("Email (log sink; set spring.mail.host to send) to {}: {}\n{}", recipient, subject, body);
        }
        return (recipient, subject, body) -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(recipient);
            message.setSubject(subject);
            message.setText(body);
            mail.send(message);
        };
    }
}
