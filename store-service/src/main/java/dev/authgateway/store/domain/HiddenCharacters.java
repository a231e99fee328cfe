package dev.authgateway.store.domain;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/**
 * Code points that no text field accepts: controls (C0, C1, DEL, line and paragraph separators), default-ignorable
 * code points (zero-width spaces and joiners, soft hyphen, variation selectors, tags, fillers), bidi controls
 * (U+202A-202E, U+2066-2069, U+200E-200F, U+061C), noncharacters and lone surrogates. They are invisible or reorder
 * what a person sees, and PostgreSQL refuses NUL outright. ICU's Unicode data decides, not a hand-kept table.
 */
public final class HiddenCharacters {

    public static final String MESSAGE = "must not contain control or invisible characters";

    private HiddenCharacters() {
    }

    public static boolean containsAny(String text) {
        return text.codePoints().anyMatch(HiddenCharacters::isHidden);
    }

    /** Only controls, separators, noncharacters and lone surrogates: what a password may not hold. */
    public static boolean containsControl(String text) {
        return text.codePoints().anyMatch(HiddenCharacters::isControl);
    }

    static boolean isHidden(int codePoint) {
        return isControl(codePoint)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.BIDI_CONTROL);
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || UCharacter.hasBinaryProperty(codePoint, UProperty.NONCHARACTER_CODE_POINT);
    }
}
