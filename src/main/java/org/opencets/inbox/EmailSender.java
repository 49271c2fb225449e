package org.opencets.inbox;

/** Delivers one email; throws when it could not (the outbox retries later). */
interface EmailSender {

    void send(String recipient, String subject, String body);
}
