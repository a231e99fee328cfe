package dev.authgateway.gateway.graphql;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.authgateway.gateway.domain.AccountExport;
import dev.authgateway.gateway.domain.SessionInfo;

/**
 * The document exportAccount answers (docs/graphql-api.md#exportaccount): a JSON object, its shape named by
 * {@code format} so that it can grow. Instants are ISO-8601 UTC strings; an absent one is null.
 */
final class AccountExportJson {

    static final String FORMAT = "authgateway.account-export.v1";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AccountExportJson() {
    }

    static String of(AccountExport export) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("exportedAt", text(export.exportedAt()));
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", export.user().id());
        account.put("username", export.user().username());
        account.put("displayName", export.user().displayName());
        account.put("createdAt", text(export.user().createdAt()));
        account.put("updatedAt", text(export.updatedAt()));
        document.put("account", account);
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("address", export.user().email());
        email.put("verified", export.emailVerifiedAt().isPresent());
        email.put("verifiedAt", text(export.emailVerifiedAt()));
        document.put("email", email);
        Map<String, Object> secondFactor = new LinkedHashMap<>();
        secondFactor.put("totpEnabled", export.secondFactorEnabledAt().isPresent());
        secondFactor.put("enabledAt", text(export.secondFactorEnabledAt()));
        document.put("secondFactor", secondFactor);
        document.put("sessions", sessions(export.sessions()));
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> sessions(List<SessionInfo> sessions) {
        return sessions.stream().map(session -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", session.id());
            entry.put("device", session.device());
            entry.put("clientAddress", session.clientAddress());
            entry.put("createdAt", text(session.createdAt()));
            entry.put("lastUsedAt", text(session.lastUsedAt()));
            entry.put("expiresAt", text(session.expiresAt()));
            entry.put("current", session.current());
            return entry;
        }).toList();
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
