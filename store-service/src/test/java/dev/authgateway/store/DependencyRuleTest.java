package dev.authgateway.store;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class DependencyRuleTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.authgateway.store");

    @Test
    void givenTheDomain_thenItKnowsNoAdapterTechnology() {
        noClasses().that().resideInAPackage("..store.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.ibatis..", "io.grpc..", "com.google.protobuf..", "io.helidon..",
                        "com.password4j..", "java.sql..", "com.zaxxer..", "dev.authgateway.proto..")
                .check(classes);
    }
}
