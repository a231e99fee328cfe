package dev.authgateway.store.domain;

/** A message ready to send. Its bodies may hold a token: never logged. */
public record ComposedMail(MailKind kind, String to, String subject, String text, String html) {

    @Override
    public String toString() {
        return "ComposedMail[" + kind + "]";
    }
}
