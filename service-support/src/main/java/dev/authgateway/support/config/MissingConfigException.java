package dev.authgateway.support.config;

/** A key a settings record reads is in no config source: start-up stops and names it. */
public final class MissingConfigException extends IllegalStateException {

    private final String key;

    public MissingConfigException(String key) {
        super("Missing required config: " + key + " (every default is in the service's application.yaml)");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
