package dev.authgateway.store.domain;

import java.util.Map;

/**
 * Turns a message kind and its values into the message: subject, plain text and HTML. {@code token}, when present,
 * becomes a link under the configured base URL; every value is HTML-escaped in the HTML body.
 */
public interface MailComposer {

    ComposedMail compose(MailKind kind, String to, Map<String, String> values);
}
