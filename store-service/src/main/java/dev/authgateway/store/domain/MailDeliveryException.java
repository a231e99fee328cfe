package dev.authgateway.store.domain;

/** A message was not accepted; {@link #reason()} names the failure's class only (no address, no server text). */
public final class MailDeliveryException extends RuntimeException {

    private final String reason;

    public MailDeliveryException(Throwable cause) {
        super("mail not accepted: " + rootClass(cause), cause);
        this.reason = rootClass(cause);
    }

    public String reason() {
        return reason;
    }

    private static String rootClass(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return failure.getClass().getSimpleName()
                + (root == failure ? "" : "/" + root.getClass().getSimpleName());
    }
}
