package dev.authgateway.store.hashing;

import dev.authgateway.store.domain.PasswordHasher;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}), so every hash carries
 * the parameters it was made with and can be verified after the configured parameters change.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function function;
    private final String dummyHash;

    public Argon2PasswordHasher(HashParameters parameters) {
        this.function = Argon2Function.getInstance(parameters.memoryKib(), parameters.iterations(),
                parameters.parallelism(), HASH_BYTES, Argon2.ID);
        this.dummyHash = hash("dummy password for unknown logins");
    }

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    @Override
    public boolean matches(String password, String hash) {
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    @Override
    public boolean needsRehash(String hash) {
        try {
            return !function.equals(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    @Override
    public void burnEquivalentTime(String password) {
        matches(password, dummyHash);
    }
}
