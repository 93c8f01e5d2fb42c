package org.referralbridge.triage;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Triage is plain Java over the FHIR model: no Camel, no Spring, no logging, no other feature's internals. */
class TriageArchitectureTests {

  private static JavaClasses triage;

  @BeforeAll
  static void importClasses() {
    triage = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.referralbridge.triage");
  }

  @Test
  void triageIsFreeOfCamelSpringAndLogging() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..",
        "org.slf4j..", "java.util.logging..").check(triage);
  }

  @Test
  void triageUsesNoOtherFeatureButTheSharedVocabulary() {
    classes().should().onlyDependOnClassesThat(not(resideInAPackage("org.referralbridge.."))
        .or(resideInAPackage("org.referralbridge.triage..")).or(resideInAPackage("org.referralbridge.vocabulary.."))).check(triage);
  }
}
