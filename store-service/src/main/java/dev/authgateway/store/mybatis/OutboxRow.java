package dev.authgateway.store.mybatis;

import dev.authgateway.store.domain.ComposedMail;
import dev.authgateway.store.domain.MailKind;
import dev.authgateway.store.domain.OutboxEntry;

/** A claimed row of mail_outbox as MyBatis fills it (public for MyBatis's mapper proxies). */
public final class OutboxRow {

    private long id;
    private String kind;
    private String recipient;
    private String subject;
    private String textBody;
    private String htmlBody;
    private int attempts;

    OutboxEntry toEntry() {
        return new OutboxEntry(id, new ComposedMail(MailKind.valueOf(kind), recipient, subject, textBody, htmlBody),
                attempts);
    }
}
