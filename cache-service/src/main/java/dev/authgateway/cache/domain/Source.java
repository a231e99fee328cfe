package dev.authgateway.cache.domain;

import java.util.Optional;

/** Where values come from on a miss. */
public interface Source<V> {

    /** The value, or empty if it does not exist; throws {@link SourceUnavailableException} when unreachable. */
    Optional<V> load(String id);
}
