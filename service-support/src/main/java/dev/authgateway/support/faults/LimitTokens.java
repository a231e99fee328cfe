package dev.authgateway.support.faults;

import io.helidon.common.concurrency.limits.LimitAlgorithm;

/** How a permit of Helidon's AIMD concurrency limit goes back when its call ran past its deadline. */
public final class LimitTokens {

    private LimitTokens() {
    }

    /**
     * Releases the permit of a call that ran past its deadline. Not {@code dropped()}: Helidon 4.5.0's AIMD token
     * then shrinks the limit but never takes the call out of its in-flight count, so every such call raises that count
     * for good, and once it reaches half the limit, every later success grows the limit, up to its maximum.
     * {@code success()} takes the call out, and its run time, past the limit's timeout, shrinks the limit the same way.
     */
    public static void overran(LimitAlgorithm.Token token) {
        token.success();
    }
}
