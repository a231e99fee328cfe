package dev.authgateway.gateway.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authgateway.gateway.domain.AuditEvents;
import dev.authgateway.gateway.domain.Caller;
import dev.authgateway.gateway.domain.Session;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.LifecycleAuditEvents;
import dev.authgateway.gateway.domain.MailAuditEvents;
import dev.authgateway.gateway.domain.RequestOrigin;
import dev.authgateway.gateway.domain.User;
import dev.authgateway.support.observe.TraceLogging;

/**
 * Security events as one JSON object per log line on the logger {@code dev.authgateway.audit}, e.g.
 * {@code AUDIT {"ts":"…","event":"login.failed","login":"ada","reason":"INVALID_CREDENTIALS","clientAddress":"…",
 * "requestId":"…"}}. Passwords and tokens are never passed here.
 */
public final class JsonAuditLog implements AuditEvents, MailAuditEvents, LifecycleAuditEvents {

    private static final Logger AUDIT = Logger.getLogger("dev.authgateway.audit");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LOGIN_LENGTH = 254;

    @Override
    public void signedUp(User user, RequestOrigin origin) {
        write("signup", origin, Map.of("userId", user.id(), "username", user.username()));
    }

    @Override
    public void loggedIn(User user, RequestOrigin origin) {
        write("login.succeeded", origin, Map.of("userId", user.id()));
    }

    @Override
    public void loginFailed(String login, ErrorCode reason, RequestOrigin origin) {
        String typed = login == null ? "" : login.strip();
        write(reason == ErrorCode.RATE_LIMITED ? "login.rate_limited" : "login.failed", origin, Map.of(
                "login", typed.length() > MAX_LOGIN_LENGTH ? typed.substring(0, MAX_LOGIN_LENGTH) : typed,
                "reason", reason.name()));
    }

    @Override
    public void profileUpdated(String userId, RequestOrigin origin) {
        write("profile.updated", origin, Map.of("userId", userId));
    }

    @Override
    public void refreshed(Session session, RequestOrigin origin) {
        write("session.refreshed", origin, Map.of("userId", session.userId(), "sessionId", session.sessionId()));
    }

    @Override
    public void refreshTokenReused(Session session, RequestOrigin origin) {
        write("session.refresh_token_reused", origin, Map.of("sessionId", session.sessionId(),
                "userId", session.userId() == null ? "" : session.userId()));
    }

    @Override
    public void loggedOut(Caller caller, List<String> endedSessions, boolean everywhere, RequestOrigin origin) {
        write(everywhere ? "logout.everywhere" : "logout", origin, Map.of("userId", caller.userId(),
                "sessionId", caller.sessionId(), "endedSessions", String.join(",", endedSessions)));
    }

    @Override
    public void verificationResent(String userId, boolean sent, RequestOrigin origin) {
        write("email.verification_resent", origin, Map.of("userId", userId, "sent", String.valueOf(sent)));
    }

    @Override
    public void emailVerified(String userId, RequestOrigin origin) {
        write("email.verified", origin, Map.of("userId", userId));
    }

    @Override
    public void passwordResetRequested(RequestOrigin origin) {
        write("password.reset_requested", origin, Map.of());
    }

    @Override
    public void passwordReset(String userId, List<String> endedSessions, RequestOrigin origin) {
        write("password.reset", origin, Map.of("userId", userId, "endedSessions", String.join(",", endedSessions)));
    }

    @Override
    public void passwordChanged(String userId, List<String> endedSessions, RequestOrigin origin) {
        write("password.changed", origin, Map.of("userId", userId, "endedSessions", String.join(",", endedSessions)));
    }

    @Override
    public void mailFlowRefused(String operation, String userId, ErrorCode reason, RequestOrigin origin) {
        write("account_mail.refused", origin, Map.of("operation", operation, "userId", userId == null ? "" : userId,
                "reason", reason.name()));
    }

    @Override
    public void secondFactorEnrolmentStarted(String userId, RequestOrigin origin) {
        write("mfa.enrolment_started", origin, Map.of("userId", userId));
    }

    @Override
    public void secondFactorEnabled(String userId, RequestOrigin origin) {
        write("mfa.enabled", origin, Map.of("userId", userId));
    }

    @Override
    public void secondFactorDisabled(String userId, boolean recoveryCodeUsed, RequestOrigin origin) {
        write("mfa.disabled", origin, Map.of("userId", userId, "with", recoveryCodeUsed ? "recovery_code" : "totp"));
    }

    @Override
    public void secondFactorChallengeIssued(String userId, RequestOrigin origin) {
        write("mfa.challenge_issued", origin, Map.of("userId", userId));
    }

    @Override
    public void secondFactorSucceeded(String userId, RequestOrigin origin) {
        write("mfa.succeeded", origin, Map.of("userId", userId));
    }

    @Override
    public void recoveryCodeUsed(String userId, int recoveryCodesLeft, RequestOrigin origin) {
        write("mfa.recovery_code_used", origin, Map.of("userId", userId,
                "recoveryCodesLeft", Integer.toString(recoveryCodesLeft)));
    }

    @Override
    public void secondFactorFailed(String userId, String operation, ErrorCode reason, RequestOrigin origin) {
        write(reason == ErrorCode.RATE_LIMITED ? "mfa.rate_limited" : "mfa.failed", origin, Map.of(
                "userId", userId == null ? "" : userId, "operation", operation, "reason", reason.name()));
    }

    @Override
    public void sessionEnded(String userId, String sessionId, RequestOrigin origin) {
        write("session.ended", origin, Map.of("userId", userId, "sessionId", sessionId));
    }

    @Override
    public void accountDeleted(String userId, List<String> endedSessions, RequestOrigin origin) {
        write("account.deleted", origin, Map.of("userId", userId, "endedSessions", String.join(",", endedSessions)));
    }

    @Override
    public void accountExported(String userId, RequestOrigin origin) {
        write("account.exported", origin, Map.of("userId", userId));
    }

    @Override
    public void emailChangeRequested(String userId, RequestOrigin origin) {
        write("email.change_requested", origin, Map.of("userId", userId));
    }

    @Override
    public void emailChanged(String userId, RequestOrigin origin) {
        write("email.changed", origin, Map.of("userId", userId));
    }

    @Override
    public void lifecycleRefused(String operation, String userId, ErrorCode reason, RequestOrigin origin) {
        write("account_lifecycle.refused", origin, Map.of("operation", operation,
                "userId", userId == null ? "" : userId, "reason", reason.name()));
    }

    @Override
    public void passkeyRegistered(String userId, String passkeyId, RequestOrigin origin) {
        write("passkey.registered", origin, Map.of("userId", userId, "passkeyId", passkeyId));
    }

    @Override
    public void passkeyRemoved(String userId, String passkeyId, RequestOrigin origin) {
        write("passkey.removed", origin, Map.of("userId", userId, "passkeyId", passkeyId));
    }

    @Override
    public void passkeyLoginSucceeded(String userId, String passkeyId, RequestOrigin origin) {
        write("passkey.login_succeeded", origin, Map.of("userId", userId, "passkeyId", passkeyId));
    }

    @Override
    public void passkeyLoginFailed(ErrorCode reason, RequestOrigin origin) {
        write(reason == ErrorCode.RATE_LIMITED ? "passkey.login_rate_limited" : "passkey.login_failed", origin,
                Map.of("reason", reason.name()));
    }

    /** At start-up: which keys verify tokens and which signs them, so every rotation step is on record. */
    public void signingKeysLoaded(List<String> verifying, String signing) {
        write("signing_keys.loaded", RequestOrigin.UNKNOWN, Map.of("verifying", String.join(",", verifying),
                "signing", signing));
    }

    private static void write(String event, RequestOrigin origin, Map<String, String> details) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", Instant.now().toString());
        line.put("event", event);
        line.putAll(details);
        line.put("clientAddress", origin.clientAddress());
        line.put("requestId", origin.requestId());
        String traceId = TraceLogging.currentTraceId();
        if (!traceId.isEmpty()) {
            line.put("traceId", traceId);
        }
        try {
            AUDIT.info("AUDIT " + JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
