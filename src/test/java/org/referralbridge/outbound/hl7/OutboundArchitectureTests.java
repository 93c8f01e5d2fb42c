package org.referralbridge.outbound.hl7;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The outbound message builders are plain Java: no Camel, no Spring, and nothing of the intake side's plumbing. */
class OutboundArchitectureTests {

  private static final JavaClasses OUTBOUND = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.referralbridge.outbound.hl7");

  @Test
  void outboundMessagesDependOnNeitherCamelNorSpring() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..")
        .check(OUTBOUND);
  }

  @Test
  void outboundMessagesKnowNothingOfIntakeThePipelineOrStorage() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("..intake..", "..pipeline..", "..store..", "..messages..")
        .check(OUTBOUND);
  }
}
