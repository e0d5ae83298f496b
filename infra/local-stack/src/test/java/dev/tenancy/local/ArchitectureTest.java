package dev.tenancy.local;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering every module promises, checked on the classes as compiled. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tenancy");

    @Test
    void sharedApiHasNoSpring() {
        noClasses().that().resideInAPackage("dev.tenancy.api..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void sharedApiDependsOnNoServiceOrPlumbing() {
        noClasses().that().resideInAPackage("dev.tenancy.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tenancy.command..", "dev.tenancy.query..",
                        "dev.tenancy.platform..", "dev.tenancy.gateway..")
                .check(CLASSES);
    }

    @Test
    void theCommandServiceNeverDependsOnTheQueryService() {
        noClasses().that().resideInAPackage("dev.tenancy.command..")
                .should().dependOnClassesThat().resideInAPackage("dev.tenancy.query..")
                .check(CLASSES);
    }

    @Test
    void theQueryServiceNeverDependsOnTheCommandService() {
        noClasses().that().resideInAPackage("dev.tenancy.query..")
                .should().dependOnClassesThat().resideInAPackage("dev.tenancy.command..")
                .check(CLASSES);
    }

    @Test
    void plumbingDependsOnNoService() {
        noClasses().that().resideInAnyPackage("dev.tenancy.platform..", "dev.tenancy.gateway..",
                        "dev.tenancy.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tenancy.command..", "dev.tenancy.query..")
                .check(CLASSES);
    }
}
