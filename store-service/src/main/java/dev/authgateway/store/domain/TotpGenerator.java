package dev.authgateway.store.domain;

/** The RFC 6238 code of a secret for one time step (HMAC-SHA1, {@link TotpVerifier#DIGITS} digits). */
public interface TotpGenerator {

    String code(byte[] secret, long timeStep);
}
