package dev.authgateway.cache.domain;

/** What one Redis round trip found for a key. */
public sealed interface Lookup<V> {

    /** The value is cached. */
    record Hit<V>(V value) implements Lookup<V> {
    }

    /** The source said recently that no such entry exists. */
    record KnownAbsent<V>() implements Lookup<V> {
    }

    /** Nothing cached; {@code generation} fences the write-back of the value about to be loaded. */
    record Miss<V>(long generation) implements Lookup<V> {
    }
}
