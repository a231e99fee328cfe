package dev.authgateway.store.domain;

import java.time.Duration;

/** At most {@code perRecipient} requested messages to one address, and {@code perAccount} for one account, per window. */
public record MailLimit(int perRecipient, int perAccount, Duration window) {
}
