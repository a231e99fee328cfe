package dev.authgateway.store.mybatis;

import java.util.UUID;

import dev.authgateway.store.domain.AccountMailRepository;

/** A row of account_tokens as MyBatis fills it (public for MyBatis's mapper proxies). */
public final class TokenRow {

    private UUID userId;
    private String email;

    AccountMailRepository.TokenHolder toHolder() {
        return new AccountMailRepository.TokenHolder(userId, email);
    }
}
