package dev.authgateway.support.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection over a plain socket, for requests no HTTP client would send (conflicting framing, odd
 * paths, oversized chunk headers): bytes go out exactly as given, responses are read one at a time.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A connection to 127.0.0.1:port; every read gives up after the timeout. */
    public static RawHttp connect(int port, int readTimeoutMillis) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(readTimeoutMillis);
        return new RawHttp(socket);
    }

    /**
     * A connection whose socket send buffer is held at the given size, so that what the server has not read stays
     * in this process rather than in the kernel's buffers (with autotuned buffers the kernel takes megabytes).
     */
    public static RawHttp connect(int port, int readTimeoutMillis, int sendBufferBytes) throws IOException {
        Socket socket = new Socket();
        socket.setSendBufferSize(sendBufferBytes);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(readTimeoutMillis);
        return new RawHttp(socket);
    }

    public RawHttp send(String ascii) throws IOException {
        return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends without failing when the server has already closed its side (it may refuse before reading all). */
    public RawHttp sendQuietly(byte[] bytes) {
        try {
            send(bytes);
        } catch (IOException closedByServer) {
            // the response, if any, is still there to read
        }
        return this;
    }

    /**
     * The next response, or null when the server closed the connection (or reset it) before sending one. A response
     * to a HEAD request is read without a body, as a client would.
     */
    public Response read(boolean toHead) throws IOException {
        String statusLine;
        try {
            statusLine = line();
        } catch (java.net.SocketException reset) {
            return null;
        }
        if (statusLine == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                    (a, b) -> a + "," + b);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        byte[] body = toHead ? new byte[0] : body(headers);
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    public Response read() throws IOException {
        return read(false);
    }

    /** True when the server closes the connection (or resets it) within the read timeout and sends nothing more. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    /** Whatever bytes arrive before the server closes or the read timeout; empty when none. */
    public String rest() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException done) {
            // nothing more arrived
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private byte[] body(Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
            return body.toByteArray();
        }
        return in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    }

    private String line() throws IOException {
        return line(in);
    }

    /** The next line of an HTTP head or chunk framing, without its CRLF (or bare LF); null at the end of the stream. */
    public static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A response as read from the wire. */
    public record Response(int status, Map<String, String> headers, String body) {

        /** The typed error code of the body, or null. */
        public String errorCode() {
            var match = java.util.regex.Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(body);
            return match.find() ? match.group(1) : null;
        }

        public boolean closesConnection() {
            return headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT).contains("close");
        }
    }
}
