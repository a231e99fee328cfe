package dev.authgateway.store.mybatis;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import dev.authgateway.store.domain.DuplicateUserException;
import dev.authgateway.store.domain.FieldViolation;
import dev.authgateway.store.domain.InvalidInputException;
import dev.authgateway.store.domain.StoreUnavailableException;
import org.postgresql.util.PSQLException;

/** Turns what JDBC and MyBatis throw into the domain's failures. */
final class SqlFailures {

    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE class 22, data exception: a value PostgreSQL cannot take (a NUL character, bad encoding, too long). */
    private static final String DATA_EXCEPTION_CLASS = "22";

    private SqlFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return new DuplicateUserException(fieldOf(sql));
                }
                if (isConnectionFailure(sql)) {
                    return new StoreUnavailableException(failure);
                }
                if (sql.getSQLState() != null && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
                    // the value came from a request: the client's error, not the store's, whatever the input rules missed
                    return new InvalidInputException(List.of(
                            new FieldViolation("input", "contains a value that cannot be stored")));
                }
            }
        }
        return failure;
    }

    private static boolean isConnectionFailure(SQLException sql) {
        String state = sql.getSQLState();
        return sql instanceof SQLTransientConnectionException
                || state == null && sql.getMessage() != null && sql.getMessage().contains("Connection is not available")
                || state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03"));
    }

    private static String fieldOf(SQLException sql) {
        String constraint = sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getConstraint() : null;
        return CanonicalLoginsMigration.EMAIL_INDEX.equals(constraint) ? "email" : "username";
    }
}
