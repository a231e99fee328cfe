package dev.authgateway.store.domain;

import java.util.Random;

/** Random text salted with controls, invisible code points, bidi controls, lone surrogates and case traps. */
final class HostileStrings {

    private static final int[] HOSTILE = {0x0000, 0x0001, 0x0009, 0x000A, 0x001B, 0x007F, 0x0085, 0x009F, 0x00AD,
            0x034F, 0x061C, 0x115F, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E,
            0x2060, 0x2066, 0x2069, 0x3164, 0xFE0F, 0xFEFF, 0xFFFE, 0xD800, 0xDC00, 0xE0001, 0xE0100, 0x1D173};
    private static final int[] TRAPS = {0x0130, 0x0131, 0x212A, 0x00DF, 0x03A3, 0x03C2, 0xFF21, 0x2800, 0x0301,
            0x1F600, 0xE000, 0x0378, '@', '.', ' ', '_', '-'};

    private HostileStrings() {
    }

    static String next(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(24);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.appendCodePoint(HOSTILE[random.nextInt(HOSTILE.length)]);
                case 1 -> text.appendCodePoint(TRAPS[random.nextInt(TRAPS.length)]);
                case 2 -> text.appendCodePoint(random.nextInt(0x3000));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return escaped.toString();
    }
}
