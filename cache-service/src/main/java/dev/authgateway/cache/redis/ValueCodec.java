package dev.authgateway.cache.redis;

/** Turns cached values into the bytes Redis keeps, and back. */
public interface ValueCodec<V> {

    byte[] encode(V value);

    /** Throws IllegalArgumentException on bytes that are not a value. */
    V decode(byte[] bytes);
}
