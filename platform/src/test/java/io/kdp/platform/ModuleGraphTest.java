package io.kdp.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module graph of DESIGN.md §2, checked on the compiled classes of every module on the
 * platform's class path. A failure names the offending dependency and how to fix it.
 */
class ModuleGraphTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kdp");
  }

  @Test
  void kalshiClientDependsOnNothingElseOfThePlatform() {
    noClasses()
        .that()
        .resideInAPackage("io.kdp.client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.kdp.sim..",
            "io.kdp.store..",
            "io.kdp.gatherer..",
            "io.kdp.dedup..",
            "io.kdp.archive..",
            "io.kdp.platform..")
        .because(
            "the client must run against Kalshi unchanged; move shared code into kalshi-client"
                + " instead of reaching out of it")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void simulatorDoesNotKnowTheCollectors() {
    noClasses()
        .that()
        .resideInAPackage("io.kdp.sim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kdp.gatherer..", "io.kdp.dedup..", "io.kdp.store..")
        .because("the simulator is the adversary of the collectors; share only kalshi-client")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void storeDoesNotDependOnItsUsers() {
    noClasses()
        .that()
        .resideInAPackage("io.kdp.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kdp.gatherer..", "io.kdp.dedup..", "io.kdp.archive..")
        .because("store holds schemas and writers; roles depend on it, not the reverse")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void gathererDoesNotDependOnTheDownstreamRoles() {
    noClasses()
        .that()
        .resideInAPackage("io.kdp.gatherer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kdp.dedup..", "io.kdp.archive..", "io.kdp.sim..")
        .because(
            "a gatherer is autonomous and runs against the real exchange; the simulator is"
                + " only its adversary in tests")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void deduplicatorUsesNoGathererInternals() {
    noClasses()
        .that()
        .resideInAPackage("io.kdp.dedup..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kdp.gatherer..")
        .because("the deduplicator reads gatherer databases through the store schema only")
        .allowEmptyShould(true)
        .check(classes);
  }
}
