package dev.authgateway.systemtest.harness;

import java.util.Map;
import java.util.UUID;

/** The GraphQL documents a frontend sends, and fresh inputs for them. */
public final class Operations {

    public static final String USER_FIELDS = "{ id username email displayName createdAt }";
    public static final String SIGNUP = "mutation Signup($input: SignupInput!) { signup(input: $input) "
            + "{ accessToken tokenType expiresIn refreshToken refreshExpiresIn user " + USER_FIELDS + " } }";
    public static final String LOGIN = "mutation Login($input: LoginInput!) { login(input: $input) "
            + "{ accessToken tokenType expiresIn refreshToken user " + USER_FIELDS + " } }";
    public static final String PROFILE = "query Profile { profile " + USER_FIELDS + " }";
    public static final String REFRESH = "mutation Refresh($token: String!) { refreshToken(token: $token) "
            + "{ accessToken refreshToken refreshExpiresIn user { id } } }";
    public static final String LOGOUT = "mutation { logout }";
    public static final String LOGOUT_EVERYWHERE = "mutation { logoutEverywhere }";
    public static final String UPDATE_PROFILE = "mutation Update($input: UpdateProfileInput!) { updateProfile(input: $input) "
            + USER_FIELDS + " }";
    public static final String STRONG_PASSWORD = "correct horse battery staple";
    public static final String EMAIL_VERIFIED = "query { profile { emailVerified } }";
    public static final String VERIFY_EMAIL = "mutation Verify($token: String!) { verifyEmail(token: $token) }";
    public static final String RESEND_VERIFICATION = "mutation { resendVerification }";
    public static final String REQUEST_PASSWORD_RESET = "mutation Forgot($email: String!) { "
            + "requestPasswordReset(email: $email) }";
    public static final String RESET_PASSWORD = "mutation Reset($input: ResetPasswordInput!) { resetPassword(input: $input) }";
    public static final String CHANGE_PASSWORD = "mutation Change($input: ChangePasswordInput!) { "
            + "changePassword(input: $input) }";

    public static final String SESSIONS = "query Sessions { sessions { id device clientAddress createdAt lastUsedAt "
            + "expiresAt current } }";
    public static final String END_SESSION = "mutation EndSession($id: ID!) { endSession(id: $id) }";
    public static final String DELETE_ACCOUNT = "mutation DeleteAccount($currentPassword: String!, $code: String) { "
            + "deleteAccount(currentPassword: $currentPassword, code: $code) }";
    public static final String EXPORT_ACCOUNT = "query ExportAccount { exportAccount }";
    public static final String REQUEST_EMAIL_CHANGE = "mutation RequestEmailChange($newEmail: String!, "
            + "$currentPassword: String!) { requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) }";
    public static final String CONFIRM_EMAIL_CHANGE = "mutation ConfirmEmailChange($token: String!) { "
            + "confirmEmailChange(token: $token) }";

    private Operations() {
    }

    public static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static Map<String, Object> signupInput(String username, String email, String password, String displayName) {
        return Map.of("input", Map.of(
                "username", username, "email", email, "password", password, "displayName", displayName));
    }

    public static Map<String, Object> newSignup() {
        String username = uniqueName("u");
        return signupInput(username, username + "@example.com", STRONG_PASSWORD, "Ada " + username);
    }

    public static Map<String, Object> loginInput(String login, String password) {
        return Map.of("input", Map.of("login", login, "password", password));
    }
}
