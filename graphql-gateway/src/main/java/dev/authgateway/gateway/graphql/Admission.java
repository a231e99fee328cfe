package dev.authgateway.gateway.graphql;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.authgateway.support.config.Required;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.helidon.common.concurrency.limits.AimdLimit;
import io.helidon.common.concurrency.limits.LimitAlgorithm;
import io.helidon.config.Config;

/**
 * How many operations of each kind the gateway runs at once: Helidon's AIMD concurrency limit per kind, which grows
 * while operations finish within its timeout and shrinks when they do not. Past the limit an operation is refused at
 * once ({@link EdgeError#OVERLOADED}, HTTP 503 with Retry-After) instead of queueing until every caller times out.
 * "At once" is after a short queue ({@code queue-length} operations waiting at most {@code queue-timeout}): a pause
 * of a few tens of milliseconds (a collection, a scheduler hiccup) lets arrivals pile up past a limit sized for the
 * steady state, and without the queue each such pause was answered with a burst of refusals (the soak drill).
 *
 * <p>Credential operations (a password hash at the store, about 30 a second per core) have a limit of their own, so
 * a login flood cannot take the permits profile reads need, nor a read flood the logins'.
 */
final class Admission {

    /** The kinds of operation, by their root fields. */
    enum Kind { CREDENTIALS, OTHERS }

    /** Root fields whose work is a password hash or a second-factor check at the store. */
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("signup", "login", "verifySecondFactor",
            "resetPassword", "changePassword", "deleteAccount", "requestEmailChange", "finishPasskeyLogin");

    static final Admission UNLIMITED = new Admission(null, null, Duration.ZERO, null);

    private final LimitAlgorithm credentials;
    private final LimitAlgorithm others;
    private final Duration retryAfter;
    private final ParserOptions parserOptions;
    private final Cache<String, Kind> kinds = Caffeine.newBuilder().maximumSize(1_000).build();

    private Admission(LimitAlgorithm credentials, LimitAlgorithm others, Duration retryAfter,
                      ParserOptions parserOptions) {
        this.credentials = credentials;
        this.others = others;
        this.retryAfter = retryAfter;
        this.parserOptions = parserOptions;
    }

    /** From {@code app.graphql.admission}: enabled, retry-after, and a limit for each kind (defaults in the yaml). */
    static Admission from(Config admission, ParserOptions parserOptions) {
        if (!Required.bool(admission.get("enabled"))) {
            return UNLIMITED;
        }
        return new Admission(limit("credentials", admission.get("credentials")),
                limit("others", admission.get("others")), Required.duration(admission.get("retry-after")),
                parserOptions);
    }

    private static LimitAlgorithm limit(String name, Config limit) {
        return AimdLimit.builder()
                .name("graphql-" + name)
                .minLimit(Required.integer(limit.get("min-limit")))
                .initialLimit(Required.integer(limit.get("initial-limit")))
                .maxLimit(Required.integer(limit.get("max-limit")))
                .timeout(Required.duration(limit.get("timeout")))
                .backoffRatio(Required.decimal(limit.get("backoff-ratio")))
                .queueLength(Required.integer(limit.get("queue-length")))
                .queueTimeout(Required.duration(limit.get("queue-timeout")))
                .build();
    }

    /** How long a refused caller should wait before it tries again. */
    Duration retryAfter() {
        return retryAfter;
    }

    /**
     * A permit for the operation, to be released with {@link LimitAlgorithm.Token#success()} (through
     * {@code LimitTokens.overran} when it overran), or empty when its kind is at its limit and its queue is full or
     * the wait ran out. Always a permit when admission is off.
     */
    Optional<LimitAlgorithm.Token> admit(String query, String operationName) {
        if (credentials == null) {
            return Optional.of(NO_LIMIT);
        }
        return (kindOf(query, operationName) == Kind.CREDENTIALS ? credentials : others).tryAcquire(true);
    }

    Kind kindOf(String query, String operationName) {
        if (query == null) {
            return Kind.OTHERS;
        }
        return kinds.get(operationName == null ? query : operationName + "\n" + query,
                key -> classify(query, operationName));
    }

    /** A document that does not parse is refused by execution anyway, at the cost of a read. */
    private Kind classify(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(parserOptions).build());
        } catch (InvalidSyntaxException e) {
            return Kind.OTHERS;
        }
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, fragment -> fragment, (a, b) -> a));
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                .anyMatch(operation -> asksForCredentials(operation.getSelectionSet(), fragments, new HashSet<>()))
                ? Kind.CREDENTIALS : Kind.OTHERS;
    }

    /** The root fields, also those inside fragments at the root (each fragment followed once). */
    private static boolean asksForCredentials(SelectionSet selections, Map<String, FragmentDefinition> fragments,
                                              Set<String> followed) {
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            boolean credentials = switch (selection) {
                case Field field -> CREDENTIAL_FIELDS.contains(field.getName());
                case InlineFragment inline -> asksForCredentials(inline.getSelectionSet(), fragments, followed);
                case FragmentSpread spread -> followed.add(spread.getName()) && fragments.containsKey(spread.getName())
                        && asksForCredentials(fragments.get(spread.getName()).getSelectionSet(), fragments, followed);
                default -> false;
            };
            if (credentials) {
                return true;
            }
        }
        return false;
    }

    private static final LimitAlgorithm.Token NO_LIMIT = new LimitAlgorithm.Token() {
        @Override
        public void dropped() {
        }

        @Override
        public void ignore() {
        }

        @Override
        public void success() {
        }
    };
}
