package dev.authgateway.store.domain;

/**
 * Where a session was started or last refreshed from, as the gateway saw it: the User-Agent and the client's address.
 * Both are the client's own words, so they are kept only cleaned (no control or invisible character, which could
 * forge a line or reorder text where they are shown) and truncated.
 */
public record SessionDevice(String userAgent, String clientAddress) {

    public static final int USER_AGENT_MAX = 256;
    public static final int CLIENT_ADDRESS_MAX = 64;
    public static final SessionDevice UNKNOWN = new SessionDevice("", "");

    public SessionDevice {
        userAgent = clean(userAgent, USER_AGENT_MAX);
        clientAddress = clean(clientAddress, CLIENT_ADDRESS_MAX);
    }

    private static String clean(String typed, int maxCodePoints) {
        if (typed == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        typed.codePoints()
                .map(codePoint -> HiddenCharacters.isHidden(codePoint) ? ' ' : codePoint)
                .limit(maxCodePoints)
                .forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }
}
