package dev.authgateway.store.mail;

import java.util.Properties;

import dev.authgateway.store.domain.ComposedMail;
import dev.authgateway.store.domain.MailDeliveryException;
import dev.authgateway.store.domain.MailTransport;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Messages over SMTP with Jakarta Mail (Eclipse Angus): multipart/alternative, plain text then HTML, UTF-8. With
 * {@code starttls} the connection must be upgraded to TLS (the server's certificate checked) or nothing is sent.
 */
public final class SmtpMailTransport implements MailTransport {

    private final Session session;
    private final InternetAddress from;
    private final String username;
    private final String password;

    public SmtpMailTransport(MailSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(settings.timeout().toMillis()));
        properties.put("mail.smtp.writetimeout", String.valueOf(settings.timeout().toMillis()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.auth", String.valueOf(!settings.username().isBlank()));
        this.session = Session.getInstance(properties);
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("app.mail.from is not an address: " + settings.from(), e);
        }
        this.username = settings.username();
        this.password = settings.password();
    }

    @Override
    public void send(ComposedMail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            if (username.isBlank()) {
                Transport.send(message);
            } else {
                Transport.send(message, username, password);
            }
        } catch (MessagingException e) {
            throw new MailDeliveryException(e);
        }
    }
}
