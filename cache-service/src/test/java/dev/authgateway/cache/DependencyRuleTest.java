package dev.authgateway.cache;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon (buckpal's rules): the domain knows no framework and no adapter; an adapter (any package but
 * {@code domain} and the root, where {@code Main} wires) uses the domain and its own technology, never another adapter.
 */
class DependencyRuleTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.authgateway.cache");

    @Test
    void givenTheDomain_thenItKnowsNoAdapterTechnology() {
        noClasses().that().resideInAPackage("..cache.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.grpc..", "com.google.protobuf..", "io.helidon..", "org.redisson..",
                        "com.github.benmanes.caffeine..", "io.opentelemetry..",
                        "dev.authgateway.proto..", "dev.authgateway.support..")
                .check(classes);
    }

    @Test
    void givenTheDomain_thenItUsesOnlyTheJdkAndItself() {
        classes().that().resideInAPackage("..cache.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..cache.domain..")
                .check(classes);
    }

    @Test
    void givenTheAdapters_thenNoneUsesAnotherAndTheDomainUsesNone() {
        slices().matching("dev.authgateway.cache.(*)..").namingSlices("adapter $1")
                .should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage("dev.authgateway.cache.domain.."))
                .check(classes);
    }

    @Test
    void givenTheWiring_thenNothingBelowItUsesIt() {
        noClasses().that().resideInAPackage("dev.authgateway.cache.(*)..")
                .should().dependOnClassesThat().resideInAPackage("dev.authgateway.cache")
                .check(classes);
    }
}
