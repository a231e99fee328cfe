package dev.authgateway.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A real SMTP server (GreenMail) of the test's own on a loopback port, that keeps every message it accepts; the one
 * way tests read the mail the store-service sends. {@link #close()} stops it.
 */
public final class TestMail implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");

    private final GreenMail server;
    private final int port;

    private TestMail(int port) {
        this.port = port;
        this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** A server on a free port. */
    public static TestMail start() {
        return new TestMail(FreePort.next());
    }

    /** A server on this port: a test that first let the store find no SMTP server there starts one later. */
    public static TestMail startOn(int port) {
        return new TestMail(port);
    }

    public int port() {
        return port;
    }

    /** The store-service's app.mail.* settings for this server (plain SMTP, no AUTH) and a fast sender. */
    public Map<String, String> config() {
        return config(port);
    }

    /** The same settings for a port where a server may not (yet) listen. */
    public static Map<String, String> config(int port) {
        Map<String, String> config = new HashMap<>();
        config.put("app.mail.host", "127.0.0.1");
        config.put("app.mail.port", String.valueOf(port));
        config.put("app.mail.starttls", "false");
        config.put("app.mail.link-base-url", "http://frontend.test/account");
        config.put("app.mail.sender.poll-interval", "PT0.1S");
        config.put("app.mail.sender.backoff-base", "PT0.2S");
        config.put("app.mail.sender.backoff-max", "PT1S");
        return config;
    }

    /** Every message received so far for this address (case-insensitively), oldest first. */
    public List<Mail> to(String address) {
        List<Mail> found = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                Address[] recipients = message.getAllRecipients();
                if (recipients != null && Arrays.stream(recipients)
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address))) {
                    found.add(Mail.of(message));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Waits until at least {@code count} messages for the address arrived, then returns all of them. */
    public List<Mail> await(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Mail> found = to(address);
        while (found.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " messages to " + address + " within " + timeout
                        + ", got " + found.size());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            found = to(address);
        }
        return found;
    }

    public int received() {
        return server.getReceivedMessages().length;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A received message: its subject, plain-text and HTML bodies. */
    public record Mail(String to, String subject, String text, String html) {

        /** The token in the message's link (after {@code #token=}), if it has one. */
        public Optional<String> token() {
            Matcher matcher = TOKEN.matcher(text);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }

        static Mail of(MimeMessage message) throws MessagingException, IOException {
            String text = "";
            String html = "";
            if (message.getContent() instanceof MimeMultipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    Part part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            } else {
                text = String.valueOf(message.getContent());
            }
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), text, html);
        }
    }
}
