package dev.authgateway.store.domain;

import java.time.Duration;

/** Token lifetimes and the mail-bombing limit. */
public record AccountMailPolicy(Duration verifyTtl, Duration resetTtl, MailLimit limit) {
}
