package dev.authgateway.store.domain;

/** One-way password hashing with a memory-hard function. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);

    /** Takes as long as {@link #matches} on a real hash, for logins whose user does not exist. */
    void burnEquivalentTime(String password);
}
