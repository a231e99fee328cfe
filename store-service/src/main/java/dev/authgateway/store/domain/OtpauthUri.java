package dev.authgateway.store.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Key URI Format authenticator apps read (Google Authenticator's wiki, "Key-Uri-Format"):
 * {@code otpauth://totp/ISSUER:LABEL?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30}, each part
 * percent-encoded (a space as %20, never '+', which some apps show literally).
 */
final class OtpauthUri {

    private OtpauthUri() {
    }

    static String of(String issuer, String accountName, byte[] secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(accountName)
                + "?secret=" + Base32.encode(secret)
                + "&issuer=" + encode(issuer)
                + "&algorithm=" + TotpVerifier.ALGORITHM
                + "&digits=" + TotpVerifier.DIGITS
                + "&period=" + TotpVerifier.PERIOD_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
