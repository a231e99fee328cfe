package dev.authgateway.store.webauthn;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A platform authenticator in software, for tests: one ES256 (P-256) discoverable credential, "none" attestation,
 * user presence and verification set unless told otherwise. It answers the options JSON the relying party gives the
 * browser with the JSON the browser gives back (RegistrationResponseJSON, AuthenticationResponseJSON), as a browser
 * with a passkey would; the CBOR it needs (attestation object, COSE key) is written by hand, a few maps only.
 */
public final class SoftAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    private static final int UP = 0x01;
    private static final int UV = 0x04;
    private static final int AT = 0x40;

    private final String origin;
    private final KeyPair key;
    private final byte[] credentialId = new byte[16];
    private byte[] userHandle;
    private long counter;
    private boolean userVerified = true;

    public SoftAuthenticator(String origin, long seed) {
        this.origin = origin;
        new Random(seed).nextBytes(credentialId);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.key = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SoftAuthenticator(SoftAuthenticator same, String origin) {
        this.origin = origin;
        this.key = same.key;
        System.arraycopy(same.credentialId, 0, credentialId, 0, credentialId.length);
        this.userHandle = same.userHandle;
        this.counter = same.counter + 100;
    }

    /** The same credential used from a page of another origin, as a browser reports it (a phishing page's). */
    public SoftAuthenticator onOrigin(String otherOrigin) {
        return new SoftAuthenticator(this, otherOrigin);
    }

    /** Answers as if the user could not be verified (the UV flag off). */
    public SoftAuthenticator withoutUserVerification() {
        userVerified = false;
        return this;
    }

    /** Sets the signature counter the next assertion counts on from (a clone's stale copy). */
    public SoftAuthenticator counter(long value) {
        counter = value;
        return this;
    }

    public String credentialIdBase64Url() {
        return B64URL.encodeToString(credentialId);
    }

    /** navigator.credentials.create with these creation options (PublicKeyCredentialCreationOptionsJSON). */
    public String register(String optionsJson) {
        JsonNode options = read(optionsJson);
        userHandle = B64URL_DECODER.decode(options.get("user").get("id").asText());
        String rpId = options.get("rp").get("id").asText();
        byte[] clientData = clientData("webauthn.create", options.get("challenge").asText());
        ByteArrayOutputStream attested = new ByteArrayOutputStream();
        attested.writeBytes(new byte[16]); // AAGUID: none
        attested.writeBytes(new byte[] {(byte) (credentialId.length >> 8), (byte) credentialId.length});
        attested.writeBytes(credentialId);
        attested.writeBytes(coseKey());
        byte[] authData = authenticatorData(rpId, UP | (userVerified ? UV : 0) | AT, attested.toByteArray());
        ByteArrayOutputStream attestation = new ByteArrayOutputStream();
        map(attestation, 3);
        text(attestation, "fmt");
        text(attestation, "none");
        text(attestation, "attStmt");
        map(attestation, 0);
        text(attestation, "authData");
        bytes(attestation, authData);
        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", B64URL.encodeToString(clientData))
                .put("attestationObject", B64URL.encodeToString(attestation.toByteArray()));
        response.putArray("transports").add("internal");
        return credential(response);
    }

    /** navigator.credentials.get with these request options (PublicKeyCredentialRequestOptionsJSON). */
    public String authenticate(String optionsJson) {
        JsonNode options = read(optionsJson);
        byte[] clientData = clientData("webauthn.get", options.get("challenge").asText());
        counter++;
        byte[] authData = authenticatorData(options.get("rpId").asText(), UP | (userVerified ? UV : 0), new byte[0]);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key.getPrivate());
            signer.update(authData);
            signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", B64URL.encodeToString(clientData))
                .put("authenticatorData", B64URL.encodeToString(authData))
                .put("signature", B64URL.encodeToString(signature))
                .put("userHandle", B64URL.encodeToString(userHandle));
        return credential(response);
    }

    private String credential(ObjectNode response) {
        ObjectNode credential = JSON.createObjectNode()
                .put("id", credentialIdBase64Url())
                .put("rawId", credentialIdBase64Url())
                .put("type", "public-key");
        credential.set("response", response);
        credential.putObject("clientExtensionResults");
        return credential.toString();
    }

    private byte[] clientData(String type, String challenge) {
        return JSON.createObjectNode().put("type", type).put("challenge", challenge).put("origin", origin)
                .put("crossOrigin", false).toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] authenticatorData(String rpId, int flags, byte[] attested) {
        try {
            return ByteBuffer.allocate(37 + attested.length)
                    .put(MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8)))
                    .put((byte) flags)
                    .putInt((int) counter)
                    .put(attested)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as COSE_Key: {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}. */
    private byte[] coseKey() {
        ECPublicKey publicKey = (ECPublicKey) key.getPublic();
        ByteArrayOutputStream cose = new ByteArrayOutputStream();
        map(cose, 5);
        integer(cose, 1);
        integer(cose, 2);
        integer(cose, 3);
        integer(cose, -7);
        integer(cose, -1);
        integer(cose, 1);
        integer(cose, -2);
        bytes(cose, coordinate(publicKey.getW().getAffineX()));
        integer(cose, -3);
        bytes(cose, coordinate(publicKey.getW().getAffineY()));
        return cose.toByteArray();
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static void map(ByteArrayOutputStream out, int entries) {
        header(out, 5, entries);
    }

    private static void text(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        header(out, 3, utf8.length);
        out.writeBytes(utf8);
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        header(out, 2, value.length);
        out.writeBytes(value);
    }

    private static void integer(ByteArrayOutputStream out, int value) {
        if (value >= 0) {
            header(out, 0, value);
        } else {
            header(out, 1, -1 - value);
        }
    }

    private static void header(ByteArrayOutputStream out, int major, int length) {
        if (length < 24) {
            out.write((major << 5) | length);
        } else if (length < 256) {
            out.write((major << 5) | 24);
            out.write(length);
        } else {
            out.write((major << 5) | 25);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String toString() {
        return "SoftAuthenticator[" + origin + ", " + credentialIdBase64Url() + "]";
    }
}
