package dev.authgateway.gateway.domain;

/**
 * A login attempt reserved before the password is checked: one slot of the account's and one of the address's
 * allowance. {@code reserved} is false when the limits could not be consulted (they fail open) or are off.
 */
public record LoginAttempt(String limitKey, String clientAddress, boolean reserved) {
}
