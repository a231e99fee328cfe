package dev.authgateway.store.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.authgateway.store.domain.ComposedMail;
import dev.authgateway.store.domain.MailComposer;
import dev.authgateway.store.domain.MailKind;

/**
 * Messages from the templates in {@code /mail}: {@code <kind>.txt}, {@code <kind>.html} and the subjects in
 * {@code subjects.properties}, all loaded (and checked to exist) at start-up. {@code {{name}}} is a value; in HTML
 * every value is escaped. {@code {{link}}} is the link base URL, the kind's path and the token in the fragment
 * (a fragment never reaches a server: no access log, proxy or Referer header sees the token).
 *
 * <p>Hand-written rather than a template library: the placeholders are plain substitutions, and the one rule that
 * matters, escaping in HTML, is five characters.
 */
public final class TemplateMailComposer implements MailComposer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");
    private static final Map<MailKind, String> LINK_PATHS = Map.of(
            MailKind.VERIFY_EMAIL, "/verify-email",
            MailKind.PASSWORD_RESET, "/reset-password",
            MailKind.EMAIL_CHANGE, "/confirm-email-change");

    private final String linkBaseUrl;
    private final Properties subjects = new Properties();
    private final Map<MailKind, String> texts = new EnumMap<>(MailKind.class);
    private final Map<MailKind, String> htmls = new EnumMap<>(MailKind.class);

    public TemplateMailComposer(String linkBaseUrl) {
        this.linkBaseUrl = linkBaseUrl.endsWith("/") ? linkBaseUrl.substring(0, linkBaseUrl.length() - 1) : linkBaseUrl;
        try (InputStream in = resource("subjects.properties")) {
            subjects.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (MailKind kind : MailKind.values()) {
            if (subjects.getProperty(kind.templateName()) == null) {
                throw new IllegalStateException("mail/subjects.properties has no subject for " + kind.templateName());
            }
            texts.put(kind, text(kind.templateName() + ".txt"));
            htmls.put(kind, text(kind.templateName() + ".html"));
        }
    }

    @Override
    public ComposedMail compose(MailKind kind, String to, Map<String, String> values) {
        String link = values.containsKey("token") && LINK_PATHS.containsKey(kind)
                ? linkBaseUrl + LINK_PATHS.get(kind) + "#token=" + values.get("token") : "";
        return new ComposedMail(kind, to, subjects.getProperty(kind.templateName()),
                fill(texts.get(kind), values, link, false), fill(htmls.get(kind), values, link, true));
    }

    private static String fill(String template, Map<String, String> values, String link, boolean html) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = name.equals("link") ? link : values.getOrDefault(name, "");
            placeholder.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    static String escapeHtml(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = TemplateMailComposer.class.getResourceAsStream("/mail/" + name);
        if (in == null) {
            throw new IllegalStateException("mail template /mail/" + name + " is missing from the classpath");
        }
        return in;
    }
}
