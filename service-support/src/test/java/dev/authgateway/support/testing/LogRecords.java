package dev.authgateway.support.testing;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A JUL handler for tests that read what a class logged: every record it receives goes into the given list. */
public final class LogRecords {

    private LogRecords() {
    }

    public static Handler collectingInto(List<LogRecord> sink) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                sink.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
