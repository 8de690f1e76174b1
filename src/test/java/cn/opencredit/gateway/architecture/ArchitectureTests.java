package cn.opencredit.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The layout rules of STYLE.md, checked on the compiled classes. */
class ArchitectureTests {

    private static final String ROOT = "cn.opencredit.gateway";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void sharedShouldDependOnNoCapability() {
        noClasses().that().resideInAPackage(ROOT + ".shared..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".subject..", ROOT + ".record..", ROOT + ".creditlist..",
                        ROOT + ".access..", ROOT + ".audit..", ROOT + ".seed..")
                .check(CLASSES);
    }

    @Test
    void resourcesShouldNotTouchRepositories() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    @Test
    void policiesShouldBeFreeOfFrameworks() {
        noClasses().that().haveSimpleNameEndingWith("Policies")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..", "io.vertx..", "io.smallrye..")
                .check(CLASSES);
    }

    @Test
    void capabilitiesShouldReachEachOtherOnlyThroughServicesAndViews() {
        for (String capability : new String[] {"subject", "record", "creditlist", "access", "audit"}) {
            noClasses().that().resideOutsideOfPackage(ROOT + "." + capability + "..")
                    .and().resideOutsideOfPackage(ROOT + ".shared..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            capability + " internals",
                            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith(ROOT + "." + capability)
                                    && (c.getSimpleName().endsWith("Repository") || c.getSimpleName().endsWith("Policies")
                                            || c.getSimpleName().endsWith("Mapper"))))
                    .check(CLASSES);
        }
    }

    @Test
    void nothingShouldUseJtaTransactions() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional").check(CLASSES);
    }
}
