package dev.authgateway.store.domain;

/** Hands a message to the mail system (SMTP); throws {@link MailDeliveryException} when it was not accepted. */
public interface MailTransport {

    void send(ComposedMail mail);
}
