package dev.authgateway.support.http;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.HeaderValues;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectTransportRequest;

/**
 * The bytes of one HTTP/1.1 connection, read through Helidon's {@link DataReader}, with the chunk lines of a chunked
 * body (RFC 9112 §7.1) checked before Helidon sees them.
 *
 * <p>Helidon 4.5.0 reads each chunk-size line with {@link DataReader#readLine()}, which waits for a CRLF without any
 * bound (a line of endless hex digits fills the heap), parses it with {@code Integer.parseUnsignedInt} (a legal chunk
 * extension {@code 18;ext=1} or a size past 2^31 throws a {@link NumberFormatException} that ends as a 500), and
 * rejects a trailer section. {@code readLine} is used for nothing else on an HTTP/1.1 connection, so this reader
 * overrides it: a line is at most {@value #MAX_LINE} bytes, a chunk size is hex digits with optional extensions
 * (dropped), a size over {@code max-payload-size} is refused with 413 before any of the chunk is read, anything else
 * is 400. Trailer fields after the last chunk are read and dropped.
 *
 * <p>Helidon also counts the chunks against the limit, but its refusal is thrown into the handler reading the body,
 * and after answering it Helidon 4.5.0 goes on reading the connection, so the rest of the refused body would be
 * parsed as the next request (request smuggling). This reader therefore checks the running total itself, and after
 * any refusal it drops what it holds and reads nothing more: the connection ends once the refusal is answered.
 */
final class ChunkLines extends DataReader {

    static final int MAX_LINE = 4096;
    private static final int MAX_TRAILER_LINES = 32;

    private final long maxPayload;
    private long bodyRead;
    private boolean lastChunkRead;
    private Refusal refusal;

    ChunkLines(DataReader wire, long maxPayload) {
        super(() -> {
            wire.ensureAvailable();
            return wire.readBytes(wire.available());
        });
        this.maxPayload = maxPayload;
    }

    @Override
    public String readLine() {
        if (refusal != null) {
            throw refusal.exception();
        }
        if (lastChunkRead) {
            lastChunkRead = false;
            skipTrailerFields();
            return "";
        }
        long size = chunkSize(boundedLine());
        bodyRead += size;
        if (bodyRead > limit()) {
            throw refused(Status.REQUEST_ENTITY_TOO_LARGE_413, EventType.PAYLOAD_TOO_LARGE,
                    "Chunks add up to more than the payload limit");
        }
        lastChunkRead = size == 0;
        if (lastChunkRead) {
            bodyRead = 0;
        }
        return Long.toHexString(size);
    }

    /** After a refusal the connection has nothing more to give: Helidon sees the end of the stream and closes. */
    @Override
    public void pullData() {
        if (refusal != null) {
            throw new InsufficientDataAvailableException();
        }
        super.pullData();
    }

    private long limit() {
        return maxPayload < 0 ? Integer.MAX_VALUE : Math.min(maxPayload, Integer.MAX_VALUE);
    }

    private void skipTrailerFields() {
        for (int i = 0; i < MAX_TRAILER_LINES; i++) {
            if (boundedLine().isEmpty()) {
                return;
            }
        }
        throw refused(Status.BAD_REQUEST_400, EventType.BAD_REQUEST, "Too many trailer fields");
    }

    private String boundedLine() {
        int end = findNewLine(MAX_LINE + 1);
        if (end > MAX_LINE) {
            throw refused(Status.BAD_REQUEST_400, EventType.BAD_REQUEST, "Chunk line too long");
        }
        String line = readAsciiString(end);
        skip(2);
        return line;
    }

    /** chunk-size [ chunk-ext ]: 1*HEXDIG *( BWS ";" BWS ext-name [ BWS "=" BWS ext-value ] ), extensions ignored. */
    private long chunkSize(String line) {
        int digits = 0;
        while (digits < line.length() && Character.digit(line.charAt(digits), 16) >= 0) {
            digits++;
        }
        if (digits == 0 || !extensionsOnly(line, digits)) {
            throw refused(Status.BAD_REQUEST_400, EventType.BAD_REQUEST, "Invalid chunk size");
        }
        int first = 0;
        while (first < digits - 1 && line.charAt(first) == '0') {
            first++;
        }
        if (digits - first > 8 || Long.parseLong(line.substring(first, digits), 16) > limit()) {
            throw refused(Status.REQUEST_ENTITY_TOO_LARGE_413, EventType.PAYLOAD_TOO_LARGE,
                    "Chunk larger than the payload limit");
        }
        return Long.parseLong(line.substring(first, digits), 16);
    }

    /** What follows the digits: nothing, or whitespace then ';' then visible characters, spaces and tabs only. */
    private static boolean extensionsOnly(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i == line.length()) {
            return i == from;
        }
        if (line.charAt(i) != ';') {
            return false;
        }
        for (int j = i; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                return false;
            }
        }
        return true;
    }

    private RequestException refused(Status status, EventType type, String message) {
        skip(available());
        refusal = new Refusal(status, type, message);
        return refusal.exception();
    }

    /** A new exception each time it is thrown: Helidon closes the body stream after a failed read, and a second
     *  throw of the same instance would be added to itself as suppressed (an IllegalArgumentException, so a 500). */
    private record Refusal(Status status, EventType type, String message) {

        RequestException exception() {
            return RequestException.builder()
                    .type(type)
                    .status(status)
                    .message(message)
                    .safeMessage(true)
                    .request(DirectTransportRequest.create("HTTP/1.1", "", ""))
                    .header(HeaderValues.CONNECTION_CLOSE)
                    .setKeepAlive(false)
                    .build();
        }
    }
}
