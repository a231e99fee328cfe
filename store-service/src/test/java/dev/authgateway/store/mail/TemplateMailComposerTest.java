package dev.authgateway.store.mail;

import java.util.Map;

import dev.authgateway.store.domain.ComposedMail;
import dev.authgateway.store.domain.MailKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateMailComposerTest {

    private final TemplateMailComposer composer = new TemplateMailComposer("https://app.example.com/account/");

    @Test
    void givenATokenMessage_thenTheLinkIsUnderTheBaseUrlWithTheTokenInTheFragment() {
        ComposedMail mail = composer.compose(MailKind.VERIFY_EMAIL, "ada@example.com",
                Map.of("token", "abc_-123", "username", "ada", "displayName", "Ada"));

        assertThat(mail.subject()).isEqualTo("Confirm your email address");
        assertThat(mail.text()).contains("https://app.example.com/account/verify-email#token=abc_-123");
        assertThat(mail.html()).contains("href=\"https://app.example.com/account/verify-email#token=abc_-123\"");
        assertThat(composer.compose(MailKind.PASSWORD_RESET, "a@example.com", Map.of("token", "t")).text())
                .contains("https://app.example.com/account/reset-password#token=t");
    }

    @Test
    void givenHostileValues_thenTheHtmlEscapesThemAndThePlainTextKeepsThem() {
        String hostile = "<script>alert('x')</script> & \"q\"";
        ComposedMail mail = composer.compose(MailKind.PASSWORD_CHANGED, "ada@example.com",
                Map.of("username", "ada", "displayName", hostile, "how", "changed"));

        assertThat(mail.html()).doesNotContain("<script>").doesNotContain("'x'")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(mail.text()).contains(hostile);
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void givenEveryKind_thenBothBodiesAndASubjectExistAndNoPlaceholderIsLeft(MailKind kind) {
        ComposedMail mail = composer.compose(kind, "ada@example.com",
                Map.of("token", "t", "username", "ada", "displayName", "Ada", "email", "ada@example.com",
                        "how", "reset"));

        assertThat(mail.subject()).isNotBlank();
        assertThat(mail.text()).isNotBlank().doesNotContain("{{");
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").doesNotContain("{{");
    }
}
