package org.referralbridge.summary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Infusion sessions and summaries are plain Java: no Camel, no Spring; sessions know nothing of summaries. */
class SummaryBoundariesTests {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.referralbridge.infusion", "org.referralbridge.summary");
  }

  @Test
  void infusionAndSummaryAreFreeOfCamelAndSpring() {
    noClasses().that().resideInAnyPackage("..infusion..", "..summary..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..")
        .check(classes);
  }

  @Test
  void sessionsKnowNothingOfSummariesIntakeThePipelineOrStorage() {
    noClasses().that().resideInAPackage("..infusion..")
        .should().dependOnClassesThat().resideInAnyPackage("..summary..", "..intake..", "..pipeline..", "..store..",
            "..messages..")
        .check(classes);
  }

  @Test
  void summariesDoNotWriteToTheStoreOrTheQueue() {
    noClasses().that().resideInAPackage("..summary..")
        .should().dependOnClassesThat().resideInAnyPackage("..intake..", "..pipeline..", "..store..", "..messages..")
        .check(classes);
  }
}
