package dev.authgateway.cache;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class DependencyRuleTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.authgateway.cache");

    @Test
    void givenTheDomain_thenItKnowsNoAdapterTechnology() {
        noClasses().that().resideInAPackage("..cache.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.grpc..", "com.google.protobuf..", "io.helidon..",
                        "org.redisson..", "dev.authgateway.proto..")
                .check(classes);
    }
}
