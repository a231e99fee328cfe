package dev.authgateway.store.domain;

/** A claimed row of the outbox: the message and how many attempts (this one included) it has had. */
public record OutboxEntry(long id, ComposedMail mail, int attempts) {
}
