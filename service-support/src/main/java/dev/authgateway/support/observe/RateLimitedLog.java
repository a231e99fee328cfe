package dev.authgateway.support.observe;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * A log a client cannot flood. Each event (a name the caller fixes in code, never taken from a request) writes at
 * most {@code lines-per-minute} lines a minute; past that it writes one line saying it is suppressing, and the next
 * line after the minute is preceded by "suppressed K similar", as the kernel's printk rate limit does. Messages may
 * carry a client's input, so they are made one line: control and bidi characters escaped, length capped.
 *
 * <p>Only {@link #fault} (a defect of this service) writes a stack trace; a client's bad request and a dependency
 * that is down are one line each. JUL has no rate limiting and Flogger's ({@code atMostEvery}) allows one line per
 * period per call site with no burst and no count of what it dropped, hence this class.
 *
 * <p>The limit is the logging property {@code dev.authgateway.support.observe.RateLimitedLog.lines-per-minute}
 * (default 10), read from the service's logging.properties.
 */
public final class RateLimitedLog {

    static final String LIMIT_PROPERTY = RateLimitedLog.class.getName() + ".lines-per-minute";
    static final int DEFAULT_LINES_PER_MINUTE = 10;
    static final int MAX_MESSAGE_CHARS = 500;
    private static final int MAX_EVENTS = 256;
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** JUL holds loggers weakly: one nobody references may be collected, and its filter with it. */
    private static final List<Logger> LIMITED_LIBRARY_LOGGERS = new CopyOnWriteArrayList<>();

    private final Logger logger;
    private final int linesPerMinute;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitedLog(Logger logger, int linesPerMinute, LongSupplier nanoTime) {
        this.logger = logger;
        this.linesPerMinute = linesPerMinute;
        this.nanoTime = nanoTime;
    }

    /** A rate-limited log under the owner's logger name. */
    public static RateLimitedLog of(Class<?> owner) {
        return new RateLimitedLog(Logger.getLogger(owner.getName()), configuredLimit(), System::nanoTime);
    }

    /** A defect of this service: SEVERE with the stack trace, within the event's budget. */
    public void fault(String event, String message, Throwable cause) {
        write(Level.SEVERE, event, message, cause);
    }

    /** Something this service depends on failed (a database, a service, Redis): one WARNING line with the cause. */
    public void dependency(String event, String message, Throwable cause) {
        write(Level.WARNING, event, message + (cause == null ? "" : ": " + describe(cause)), null);
    }

    /** Something an operator should see that is answered safely (no stack trace wanted): one WARNING line. */
    public void warning(String event, String message) {
        write(Level.WARNING, event, message, null);
    }

    /** A client's bad request: one INFO line, never a stack trace. */
    public void client(String event, String message) {
        write(Level.INFO, event, message, null);
    }

    /** The text on one line of at most {@value #MAX_MESSAGE_CHARS} characters, control characters escaped. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_MESSAGE_CHARS) + 16);
        int next = 0;
        for (; next < text.length() && line.length() < MAX_MESSAGE_CHARS; next++) {
            char c = text.charAt(next);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                    || Character.isSurrogate(c)) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        return next < text.length() ? line.append("...").toString() : line.toString();
    }

    private void write(Level level, String event, String message, Throwable cause) {
        if (!logger.isLoggable(level)) {
            return;
        }
        if (admitted(level, event, logger)) {
            logger.log(level, oneLine(message), cause);
        }
    }

    /** Takes a line from the event's budget; the lines about suppressing go to {@code summaries}. */
    private boolean admitted(Level level, String event, Logger summaries) {
        String key = windows.size() < MAX_EVENTS || windows.containsKey(event) ? event : "(other events)";
        Window.Permit permit = windows.computeIfAbsent(key, ignored -> new Window())
                .take(nanoTime.getAsLong(), linesPerMinute);
        if (permit.suppressedBefore() > 0) {
            summaries.log(level, "suppressed " + permit.suppressedBefore() + " similar [" + key + "] in the last minute");
        }
        if (!permit.allowed() && permit.firstSuppressed()) {
            summaries.log(level, "[" + key + "] more than " + linesPerMinute
                    + " a minute: suppressing similar lines for the rest of the minute");
        }
        return permit.allowed();
    }

    /**
     * A library's logger limited the same way, for warnings it writes once per failed call: grpc-java's Netty
     * handlers log a stack trace for every stream a caller cancelled while its answer was being written, which after
     * a network stall is thousands in a second. Within the budget a record passes unchanged; the lines about
     * suppressing come from this class's logger.
     */
    public static void limitLibraryLogger(String loggerName) {
        Logger library = Logger.getLogger(loggerName);
        RateLimitedLog limits = new RateLimitedLog(library, configuredLimit(), System::nanoTime);
        Logger summaries = Logger.getLogger(RateLimitedLog.class.getName());
        library.setFilter(logRecord -> logRecord.getLevel().intValue() < Level.WARNING.intValue()
                || limits.admitted(logRecord.getLevel(), loggerName + ": " + logRecord.getMessage(), summaries));
        LIMITED_LIBRARY_LOGGERS.add(library);
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage()));
    }

    private static int configuredLimit() {
        String value = LogManager.getLogManager().getProperty(LIMIT_PROPERTY);
        try {
            return value == null ? DEFAULT_LINES_PER_MINUTE : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(LIMIT_PROPERTY + " must be a whole number, not " + value, e);
        }
    }

    /** One event's current minute: lines written, lines suppressed. */
    private static final class Window {

        record Permit(boolean allowed, long suppressedBefore, boolean firstSuppressed) {
        }

        private boolean open;
        private long start;
        private int written;
        private long suppressed;

        synchronized Permit take(long now, int limit) {
            long reported = 0;
            if (!open || now - start >= WINDOW_NANOS) {
                reported = suppressed;
                open = true;
                start = now;
                written = 0;
                suppressed = 0;
            }
            if (written < limit) {
                written++;
                return new Permit(true, reported, false);
            }
            suppressed++;
            return new Permit(false, reported, suppressed == 1);
        }
    }
}
