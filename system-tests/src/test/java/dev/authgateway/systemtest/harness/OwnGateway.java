package dev.authgateway.systemtest.harness;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A gateway of a test class's own on the run's stack, with attempt counters (and ended sessions) under a key prefix
 * of its own, started before the class's tests and stopped after them (register it with {@code @RegisterExtension}).
 */
public final class OwnGateway implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private ServiceProcess gateway;

    public OwnGateway(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        gateway = StackExtension.stack(context).startGatewayWithOwnCounters(name);
    }

    /** A client of this gateway; it may be made before the gateway starts. */
    public GraphQlClient graphql() {
        return new GraphQlClient(() -> gateway.baseUrl());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        gateway.close();
    }
}
