package dev.authgateway.conformance;

import java.nio.file.Path;

import dev.authgateway.testing.DevCertificates;

/**
 * Two certificate authorities made by {@code ops/make-dev-certs}: the trusted one, and a foreign one whose
 * certificates carry the same names but must be refused.
 */
public record TestCertificates(DevCertificates trusted, DevCertificates foreign) {

    /** Makes both sets under the directory given (a test's temporary directory). */
    public static TestCertificates make(Path directory) throws Exception {
        return new TestCertificates(DevCertificates.make(directory.resolve("trusted")),
                DevCertificates.make(directory.resolve("foreign")));
    }
}
