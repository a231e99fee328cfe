package dev.authgateway.support.grpc;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * grpc-java's HTTP/2 frame loggers. At FINE they write the first bytes of every DATA frame as hex and every header,
 * {@code -bin} ones as base64, so a password sent to VerifyCredentials would reach the logs whenever {@code io.grpc}
 * or the root logger is turned up. Each is held at INFO unless its own level is configured (a deliberate choice by
 * whoever set it); the grpc-conformance case {@code no-bytes-in-logs} checks both sides.
 */
public final class GrpcFrameLogs {

    /** Strong references, so the levels are not lost when JUL drops an unreferenced logger. */
    private static final List<Logger> FRAME_LOGGERS = List.of(
            Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler"),
            Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyClientHandler"));

    private GrpcFrameLogs() {
    }

    public static void holdAtInfo() {
        synchronized (FRAME_LOGGERS) {
            FRAME_LOGGERS.stream().filter(logger -> logger.getLevel() == null)
                    .forEach(logger -> logger.setLevel(Level.INFO));
        }
    }
}
