package dev.authgateway.store.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * The {@code app.mail} keys of the SMTP adapter; defaults in application.yaml. The password comes from
 * {@code password-file} (a mounted Secret) when set, else {@code password} (APP_MAIL_PASSWORD); it is never printed.
 */
public record MailSettings(String host, int port, boolean starttls, String username, String password, String from,
                           String linkBaseUrl, boolean senderEnabled, Duration pollInterval, Duration connectTimeout,
                           Duration timeout) {

    public static MailSettings from(Config mail) {
        Config sender = mail.get("sender");
        return new MailSettings(
                Required.string(mail.get("host")),
                Required.integer(mail.get("port")),
                Required.bool(mail.get("starttls")),
                Required.string(mail.get("username")),
                password(Required.string(mail.get("password")), Required.string(mail.get("password-file"))),
                Required.string(mail.get("from")),
                Required.string(mail.get("link-base-url")),
                Required.bool(sender.get("enabled")),
                Required.duration(sender.get("poll-interval")),
                Required.duration(mail.get("connect-timeout")),
                Required.duration(mail.get("timeout")));
    }

    private static String password(String value, String file) {
        if (file.isBlank()) {
            return value;
        }
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("app.mail.password-file cannot be read: " + file, e);
        }
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", starttls=" + starttls + ", username=" + username
                + ", from=" + from + ", linkBaseUrl=" + linkBaseUrl + "]";
    }
}
