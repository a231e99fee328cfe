package dev.authgateway.store.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.authgateway.store.domain.PasswordStrength;

/**
 * Password strength by zxcvbn (zxcvbn4j, a port of Dropbox's estimator with its frequency lists: common passwords,
 * names, English words, keyboard patterns, dates, sequences, l33t), scored 0 (trivial) to 4 (very hard to guess).
 * A password scoring under the minimum is too weak; the answer quotes zxcvbn's own feedback.
 */
public final class ZxcvbnStrength implements PasswordStrength {

    /**
     * zxcvbn's cost grows steeply with length (seconds for 256 random characters, measured), so only a password's
     * first 64 code points are judged: a weak start is still refused, and no signup can buy seconds of CPU.
     */
    static final int JUDGED_CODE_POINTS = 64;

    private final Zxcvbn zxcvbn = new Zxcvbn();
    private final int minScore;

    public ZxcvbnStrength(int minScore) {
        if (minScore < 0 || minScore > 4) {
            throw new IllegalArgumentException("password minimum strength must be 0 to 4: " + minScore);
        }
        this.minScore = minScore;
    }

    @Override
    public Optional<String> weakness(String password, List<String> accountWords) {
        // zxcvbn matches its dictionaries, the account's words among them, in lower case only.
        Strength strength = zxcvbn.measure(judged(password),
                accountWords.stream().map(word -> word.toLowerCase(Locale.ROOT)).toList());
        if (strength.getScore() >= minScore) {
            return Optional.empty();
        }
        Feedback feedback = strength.getFeedback();
        List<String> advice = new ArrayList<>();
        String warning = feedback.getWarning(Locale.ENGLISH);
        if (!warning.isBlank()) {
            advice.add(warning);
        }
        advice.addAll(feedback.getSuggestions(Locale.ENGLISH));
        return Optional.of(advice.isEmpty() ? "is too easy to guess"
                : "is too easy to guess: " + String.join(" ", advice));
    }

    private static String judged(String password) {
        if (password.codePointCount(0, password.length()) <= JUDGED_CODE_POINTS) {
            return password;
        }
        return password.substring(0, password.offsetByCodePoints(0, JUDGED_CODE_POINTS));
    }
}
