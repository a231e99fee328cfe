package dev.authgateway.gateway.jwt;

/**
 * Why a token was refused, for tests and a debug log; the client only ever hears "invalid or expired token". Carries
 * no stack trace and no piece of the token: a refusal is an expected answer to hostile input, not a failure.
 */
final class TokenRefused extends RuntimeException {

    TokenRefused(String reason) {
        super(reason, null, false, false);
    }
}
