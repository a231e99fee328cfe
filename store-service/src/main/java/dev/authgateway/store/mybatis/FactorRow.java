package dev.authgateway.store.mybatis;

import java.util.UUID;

import dev.authgateway.store.domain.SecondFactorRepository;
import dev.authgateway.store.domain.SecretBox;

/** A row of totp_factors as MyBatis fills it (public for MyBatis's mapper proxies). */
public final class FactorRow {

    private UUID id;
    private UUID userId;
    private String secretKeyId;
    private byte[] secretSealed;
    private boolean confirmed;
    private Long lastStep;

    SecondFactorRepository.Factor toFactor() {
        return new SecondFactorRepository.Factor(id, userId, new SecretBox.Sealed(secretKeyId, secretSealed),
                confirmed, lastStep);
    }
}
