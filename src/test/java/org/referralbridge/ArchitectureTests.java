package org.referralbridge;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Boundaries the code keeps: translators are plain Java, features do not reach into each other's internals. */
class ArchitectureTests {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.referralbridge");
  }

  /**
   * No cycles between the feature packages (org.referralbridge.X and everything under it): each can be read, tested
   * and changed knowing only the packages below it.
   */
  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    slices().matching("org.referralbridge.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void translatorsAndTheHl7ParserAreFreeOfCamelAndSpring() {
    noClasses().that().resideInAnyPackage("..translate..", "..hl7..")
        .and().haveSimpleNameNotEndingWith("Configuration").and().haveSimpleNameNotEndingWith("Properties")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..")
        .check(classes);
  }

  @Test
  void validationIsFreeOfCamel() {
    noClasses().that().resideInAPackage("..validate..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.camel..").check(classes);
  }

  @Test
  void theStoreKnowsNothingOfIntakeTranslationOrCamel() {
    noClasses().that().resideInAPackage("..store..")
        .should().dependOnClassesThat().resideInAnyPackage("..intake..", "..translate..", "..pipeline..",
            "org.apache.camel..")
        .check(classes);
  }

  @Test
  void operationsMetricsAndBrokerQueriesKnowNoFeature() {
    // every feature records its meters here: the dependency must not go the other way
    noClasses().that().resideInAPackage("..operations..")
        .should().dependOnClassesThat().resideInAnyPackage("..intake..", "..pipeline..", "..messages..",
            "..outbound..", "..partner..", "..store..", "..translate..", "..worklist..")
        .check(classes);
  }

  @Test
  void translationKnowsNothingOfIntakeThePipelineOrStorage() {
    noClasses().that().resideInAPackage("..translate..")
        .should().dependOnClassesThat().resideInAnyPackage("..intake..", "..pipeline..", "..store..", "..messages..")
        .check(classes);
  }

  @Test
  void theSharedVocabularyKnowsNoFeature() {
    noClasses().that().resideInAPackage("..vocabulary..")
        .should().dependOnClassesThat(resideInAPackage("org.referralbridge..")
            .and(not(resideInAPackage("org.referralbridge.vocabulary.."))))
        .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..")
        .check(classes);
  }
}
