package dev.authgateway.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.authgateway.support.testing.RawHttp;

/**
 * GET requests sent together over real sockets: every connection is open before any request is written, and all
 * requests are written at once (a barrier), so the server sees them in parallel. Each answer is read to the end of
 * its framing (Content-Length or chunked) and kept as the bytes that arrived, so a short or empty body shows as such
 * instead of as a client's exception. Bounded: a read gives up after {@link #READ_TIMEOUT_MILLIS}.
 */
final class ParallelGets {

    static final int READ_TIMEOUT_MILLIS = 10_000;

    private ParallelGets() {
    }

    /** One answer as it came off the wire; {@code problem} is null when it was a well-formed HTTP/1.1 response. */
    record Answer(String path, int status, Map<String, String> headers, byte[] body, String problem) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The answers to GET {@code paths} on 127.0.0.1:{@code port}, in the same order, all sent at the same moment. */
    static List<Answer> send(int port, List<String> paths) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < paths.size(); i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                sockets.add(socket);
            }
            CyclicBarrier together = new CyclicBarrier(paths.size());
            List<Future<Answer>> answers = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(paths.size())) {
                for (int i = 0; i < paths.size(); i++) {
                    Socket socket = sockets.get(i);
                    String path = paths.get(i);
                    answers.add(threads.submit(() -> {
                        together.await(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                        return get(socket, path);
                    }));
                }
                List<Answer> result = new ArrayList<>();
                for (Future<Answer> answer : answers) {
                    result.add(answer.get(2L * READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
                }
                return result;
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static Answer get(Socket socket, String path) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = -1;
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = RawHttp.line(in);
            if (statusLine == null) {
                return new Answer(path, status, headers, new byte[0], "connection closed without an answer");
            }
            status = Integer.parseInt(statusLine.split(" ")[1]);
            for (String line = RawHttp.line(in); line != null && !line.isEmpty(); line = RawHttp.line(in)) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip(), (a, b) -> a + "," + b);
            }
            String problem = body(in, headers, body);
            return new Answer(path, status, headers, body.toByteArray(), problem);
        } catch (IOException e) {
            return new Answer(path, status, headers, body.toByteArray(),
                    e + " after " + body.size() + " body bytes");
        }
    }

    /** Reads the body as its headers frame it into {@code body}; the problem, or null when it came whole. */
    private static String body(InputStream in, Map<String, String> headers, ByteArrayOutputStream body)
            throws IOException {
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            for (String size = RawHttp.line(in); size != null; size = RawHttp.line(in)) {
                int length = Integer.parseInt(size.split(";")[0].strip(), 16);
                if (length == 0) {
                    return null;
                }
                byte[] chunk = in.readNBytes(length);
                body.write(chunk);
                if (chunk.length < length || RawHttp.line(in) == null) {
                    return "chunked body cut inside a chunk, after " + body.size() + " bytes";
                }
            }
            return "chunked body cut before its last chunk, after " + body.size() + " bytes";
        }
        if (headers.containsKey("content-length")) {
            long declared = Long.parseLong(headers.get("content-length"));
            body.write(in.readNBytes((int) declared));
            return body.size() == declared ? null
                    : "Content-Length " + declared + " but the connection closed after " + body.size() + " bytes";
        }
        in.transferTo(body);
        return null;
    }
}
