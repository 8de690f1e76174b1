package cn.opencredit.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layout rules of STYLE.md, checked on the compiled classes. The capability packages are read
 * from the code (every package right under {@code cn.opencredit.gateway} but {@code shared}), so a
 * new capability is covered without editing this test.
 */
class ArchitectureTests {

    private static final String ROOT = "cn.opencredit.gateway";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    private static final Set<String> CAPABILITIES = capabilities();

    private static Set<String> capabilities() {
        Set<String> found = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            String rest = type.getPackageName().substring(ROOT.length());
            if (rest.startsWith(".")) {
                String top = rest.substring(1).split("\\.")[0];
                if (!top.equals("shared")) {
                    found.add(top);
                }
            }
        }
        return found;
    }

    @Test
    void shouldFindTheCapabilitiesInTheCode() {
        assertTrue(CAPABILITIES.containsAll(Set.of("subject", "record", "creditlist", "profile", "access", "audit", "ingestion", "history")),
                "capabilities found: " + CAPABILITIES);
    }

    @Test
    void capabilitiesShouldNotDependOnEachOtherInCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void sharedShouldDependOnNoCapability() {
        noClasses().that().resideInAPackage(ROOT + ".shared..")
                .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES.stream().map(c -> ROOT + "." + c + "..").toArray(String[]::new))
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
    void capabilitiesShouldReachEachOtherOnlyThroughServicesAndTheirTypes() {
        for (String capability : CAPABILITIES) {
            noClasses().that().resideOutsideOfPackage(ROOT + "." + capability + "..")
                    .should().dependOnClassesThat(DescribedPredicate.describe(capability + " internals",
                            (JavaClass c) -> c.getPackageName().startsWith(ROOT + "." + capability)
                                    && (c.getSimpleName().endsWith("Repository") || c.getSimpleName().endsWith("Policies")
                                            || c.getSimpleName().endsWith("Mapper") || c.getSimpleName().endsWith("Resource"))))
                    .check(CLASSES);
        }
    }

    @Test
    void nothingShouldUseJtaTransactions() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional").check(CLASSES);
    }
}
