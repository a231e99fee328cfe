package dev.authgateway.gateway.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Hostile variations of one valid token: every one is refused by construction. Byte and character damage, broken
 * framing and base64url, and tokens signed with the real key whose header or claims are malformed, mistyped,
 * duplicated, critical, too long-lived or issued in the future.
 */
final class TokenMutations {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String NUMBERS = "\"abc\"|\"1700000000\"|1.5|1e400|1e3|-1|99999999999999999999999"
            + "|253402300800|null|true|{}|{\"a\":1}|[]|[1700000000]";
    private static final String STRINGS = "5|null|true|false|{}|{\"a\":\"b\"}|[]|[\"%s\"]|\"\"|\"  \"|1.5";
    private static final String AUDIENCES = "5|null|{}|[]|[5]|[null]|[[\"%s\"]]|\"\"|\"other\"|[\"other\"]";
    private static final List<String> CHARACTERS = List.of("A", "a", "0", "-", "_", "=", "+", "/", ".", " ", "%",
            "é", "\u0000", "\n", "😀");

    record Mutation(String description, String token) {
    }

    private final SigningKey key;
    private final Instant now;
    private final Duration lifetime;
    private final Random random;

    TokenMutations(SigningKey key, Instant now, Duration lifetime, long seed) {
        this.key = key;
        this.now = now;
        this.lifetime = lifetime;
        this.random = new Random(seed);
    }

    /** A token every mutation starts from, accepted as it is. */
    String valid() {
        return sign(json(header()), json(claims()));
    }

    Map<String, String> header() {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("alg", "\"ES256\"");
        header.put("typ", "\"JWT\"");
        header.put("kid", quote(key.keyId()));
        return header;
    }

    /** Claim name to its raw JSON value. */
    Map<String, String> claims() {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("iss", "\"authgateway\"");
        claims.put("aud", "[\"authgateway-api\"]");
        claims.put("sub", "\"6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60\"");
        claims.put("iat", String.valueOf(now.getEpochSecond()));
        claims.put("exp", String.valueOf(now.plus(lifetime).getEpochSecond()));
        claims.put("jti", "\"7d0b3c1e-1111-4222-8333-944455556666\"");
        claims.put("sid", "\"0b6f3d7e-1c2a-4e5f-8a9b-123456789abc\"");
        return claims;
    }

    Mutation next() {
        return switch (random.nextInt(8)) {
            case 0 -> flippedBit();
            case 1 -> replacedCharacter();
            case 2 -> broken();
            case 3 -> mistypedClaim();
            case 4 -> hostileHeader();
            case 5 -> badJson();
            case 6 -> badTimes();
            default -> nonCanonical();
        };
    }

    private Mutation flippedBit() {
        String[] parts = valid().split("\\.");
        int part = random.nextInt(3);
        byte[] bytes = Base64.getUrlDecoder().decode(parts[part]);
        int index = random.nextInt(bytes.length);
        bytes[index] ^= (byte) (1 << random.nextInt(8));
        parts[part] = BASE64URL.encodeToString(bytes);
        return new Mutation("bit flipped in part " + part + " byte " + index, String.join(".", parts));
    }

    private Mutation replacedCharacter() {
        String token = valid();
        int index = random.nextInt(token.length());
        String replacement = pick(CHARACTERS);
        if (replacement.equals(String.valueOf(token.charAt(index)))) {
            replacement = token.charAt(index) == 'A' ? "B" : "A";
        }
        return new Mutation("character " + index + " replaced by " + replacement,
                token.substring(0, index) + replacement + token.substring(index + 1));
    }

    private Mutation broken() {
        String token = valid();
        String[] parts = token.split("\\.");
        int cut = 1 + random.nextInt(token.length() - 1);
        return switch (random.nextInt(9)) {
            case 0 -> new Mutation("truncated at " + cut, token.substring(0, cut));
            case 1 -> new Mutation("character deleted at " + cut, token.substring(0, cut - 1) + token.substring(cut));
            case 2 -> new Mutation("character inserted at " + cut,
                    token.substring(0, cut) + pick(CHARACTERS) + token.substring(cut));
            case 3 -> new Mutation("a fourth part", token + "." + parts[random.nextInt(3)]);
            case 4 -> new Mutation("two parts", parts[0] + "." + parts[1]);
            case 5 -> new Mutation("empty signature", parts[0] + "." + parts[1] + ".");
            case 6 -> new Mutation("empty header", "." + parts[1] + "." + parts[2]);
            case 7 -> new Mutation("doubled dot", parts[0] + ".." + parts[1] + "." + parts[2]);
            default -> new Mutation("very long", token + "A".repeat(4096 + random.nextInt(100_000)));
        };
    }

    private Mutation mistypedClaim() {
        String claim = pick(List.of("exp", "iat", "nbf", "iss", "aud", "sub", "sid"));
        String values = switch (claim) {
            case "exp", "iat", "nbf" -> NUMBERS;
            case "aud" -> AUDIENCES.formatted("authgateway-api");
            default -> STRINGS.formatted("authgateway");
        };
        String value = pick(List.of(values.split("\\|")));
        Map<String, String> claims = claims();
        claims.put(claim, value);
        return new Mutation("signed, " + claim + ": " + value, sign(json(header()), json(claims)));
    }

    private Mutation hostileHeader() {
        Map<String, String> header = header();
        String change = pick(List.of("crit", "crit", "alg", "kid", "typ", "extra", "duplicate"));
        switch (change) {
            case "crit" -> header.put("crit", pick(List.of("[\"exp\"]", "[\"b64\"]", "[]", "\"exp\"", "null")));
            case "alg" -> header.put("alg", pick(List.of("5", "[\"ES256\"]", "null", "\"es256\"", "\"none\"",
                    "\"HS256\"", "{\"a\":\"ES256\"}", "\"\"")));
            case "kid" -> header.put("kid", pick(List.of("5", "[" + quote(key.keyId()) + "]", "null", "{}", "\"\"",
                    "\"someone-else\"", "true")));
            case "typ" -> header.put("typ", pick(List.of("5", "null", "[\"JWT\"]", "\"at+jwt\"", "{}")));
            case "extra" -> header.put(pick(List.of("jku", "jwk", "x5u", "x5c", "zip", "b64", "cty", "x")),
                    pick(List.of("\"https://evil.example/jwks\"", "{}", "false", "\"DEF\"", "[]")));
            default -> {
                return new Mutation("signed, duplicate kid", sign(json(header).replaceFirst("\\{",
                        "{\"kid\":\"someone-else\","), json(claims())));
            }
        }
        return new Mutation("signed, header " + change + ": " + json(header), sign(json(header), json(claims())));
    }

    private Mutation badJson() {
        String claims = json(claims());
        String header = json(header());
        return switch (random.nextInt(11)) {
            case 0 -> new Mutation("signed, duplicate sub", sign(header,
                    claims.replaceFirst("\\}$", ",\"sub\":\"00000000-0000-0000-0000-000000000000\"}")));
            case 1 -> new Mutation("signed, trailing garbage", sign(header, claims + " x"));
            case 2 -> new Mutation("signed, two objects", sign(header, claims + "{}"));
            case 3 -> new Mutation("signed, truncated JSON", sign(header, claims.substring(0, claims.length() - 1)));
            case 4 -> new Mutation("signed, array payload", sign(header, "[" + claims + "]"));
            case 5 -> new Mutation("signed, comment", sign(header, claims.replaceFirst("\\{", "{/* x */")));
            case 6 -> new Mutation("signed, single quotes", sign(header, claims.replace('"', '\'')));
            case 7 -> new Mutation("signed, leading zero", sign(header, claims.replace("\"iat\":", "\"iat\":0")));
            case 8 -> new Mutation("signed, UTF-16", signBytes(header.getBytes(StandardCharsets.UTF_8),
                    claims.getBytes(StandardCharsets.UTF_16)));
            case 9 -> new Mutation("signed, invalid UTF-8", signBytes(header.getBytes(StandardCharsets.UTF_8),
                    claims.replace("authgateway-api", "authgateway-api\u00ff").getBytes(StandardCharsets.ISO_8859_1)));
            default -> new Mutation("signed, deep nesting", sign(header,
                    claims.replaceFirst("\\}$", ",\"x\":" + "[".repeat(64) + "]".repeat(64) + "}")));
        };
    }

    private Mutation badTimes() {
        long iat = now.getEpochSecond();
        long longest = lifetime.plusSeconds(30).toSeconds();
        Map<String, String> claims = claims();
        String change = switch (random.nextInt(5)) {
            case 0 -> {
                claims.put("exp", String.valueOf(iat + longest + 1 + random.nextInt(10_000_000)));
                yield "lifetime beyond ttl + skew";
            }
            case 1 -> {
                claims.remove("iat");
                yield "no iat";
            }
            case 2 -> {
                long future = iat + 31 + random.nextInt(10_000);
                claims.put("iat", String.valueOf(future));
                claims.put("exp", String.valueOf(future + 60));
                yield "iat in the future";
            }
            case 3 -> {
                claims.put("exp", String.valueOf(iat - random.nextInt(100)));
                yield "exp not after iat";
            }
            default -> {
                claims.put("nbf", String.valueOf(iat + 31 + random.nextInt(10_000)));
                yield "nbf in the future";
            }
        };
        return new Mutation("signed, " + change + ": " + json(claims), sign(json(header()), json(claims)));
    }

    private Mutation nonCanonical() {
        String[] parts = valid().split("\\.");
        int part = pickPartWithSpareBits(parts);
        String encoded = parts[part];
        return switch (random.nextInt(4)) {
            case 0 -> {
                parts[part] = encoded + "=".repeat(1 + random.nextInt(2));
                yield new Mutation("padding on part " + part, String.join(".", parts));
            }
            case 1 -> {
                parts[part] = Base64.getUrlEncoder().encodeToString(Base64.getUrlDecoder().decode(encoded));
                yield new Mutation("standard padding on part " + part, String.join(".", parts));
            }
            case 2 -> {
                parts[part] = encoded.replace('-', '+').replace('_', '/');
                if (parts[part].equals(encoded)) {
                    parts[part] = encoded.substring(0, encoded.length() - 1) + "+";
                }
                yield new Mutation("standard alphabet in part " + part, String.join(".", parts));
            }
            default -> {
                parts[part] = withTrailingBits(encoded);
                yield new Mutation("non-zero trailing bits in part " + part, String.join(".", parts));
            }
        };
    }

    /** The same bytes, spelt with a last character whose unused low bits are not zero. */
    static String withTrailingBits(String encoded) {
        int spare = switch (encoded.length() % 4) {
            case 2 -> 4;
            case 3 -> 2;
            default -> throw new IllegalArgumentException("no spare bits in a length of " + encoded.length());
        };
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(encoded.charAt(encoded.length() - 1));
        return encoded.substring(0, encoded.length() - 1) + alphabet.charAt(last | ((1 << spare) - 1));
    }

    private int pickPartWithSpareBits(String[] parts) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].length() % 4 != 0) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? 2 : pick(candidates);
    }

    String sign(String header, String payload) {
        return signBytes(header.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8));
    }

    private String signBytes(byte[] header, byte[] payload) {
        String input = BASE64URL.encodeToString(header) + "." + BASE64URL.encodeToString(payload);
        return input + "." + BASE64URL.encodeToString(key.signingJwk().sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static String json(Map<String, String> members) {
        return members.entrySet().stream().map(member -> quote(member.getKey()) + ":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
