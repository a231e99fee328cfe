package dev.authgateway.store.domain;

/** Passwords too common to accept, whatever their length. */
public interface CommonPasswords {

    /** Compared ignoring case. */
    boolean contains(String password);

    CommonPasswords NONE = password -> false;
}
