package org.safepassage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The import table of docs/ARCHITECTURE.md: dependencies point inward to the model
 * ({@code cli}, {@code gui}, {@code report}, {@code chart} → {@code validation} →
 * {@code experiment}, {@code metrics} → {@code sim} → {@code scenario}), each package keeps
 * out of the libraries it must not import, and outer packages read the model only through
 * its read-only view.
 */
class ArchitectureTest {

    /** The shipped classes (tests are not part of the table). */
    private static final JavaClasses SHIPPED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.safepassage");

    private static final String SCENARIO = "org.safepassage.scenario..";
    private static final String SIM = "org.safepassage.sim..";
    private static final String RULES = "org.safepassage.sim.rules..";
    private static final String METRICS = "org.safepassage.metrics..";
    private static final String EXPERIMENT = "org.safepassage.experiment..";
    private static final String VALIDATION = "org.safepassage.validation..";
    private static final String CHART = "org.safepassage.chart..";
    private static final String GUI = "org.safepassage.gui..";
    private static final String REPORT = "org.safepassage.report..";
    private static final String BENCH = "org.safepassage.bench..";
    private static final String CLI = "org.safepassage.cli..";
    private static final String API = "org.safepassage.api..";
    private static final String ADVISOR = "org.safepassage.advisor..";
    private static final String CLUSTER = "org.safepassage.cluster..";
    private static final String OUTPUT = "org.safepassage.output..";
    private static final String MASON = "sim..";
    private static final String JFREE = "org.jfree..";
    private static final String PICOCLI = "picocli..";
    private static final String[] AWT = {"java.awt..", "javax.swing.."};

    /** The design advisor searches with the runners below it; reports and commands show it; nothing inside uses it. */
    @Test
    void theAdvisorSitsBesideValidation() {
        noClasses().that().resideInAPackage(ADVISOR)
            .should().dependOnClassesThat().resideInAnyPackage(VALIDATION, CHART, GUI, REPORT, BENCH, CLI, API, JFREE,
                    PICOCLI, AWT[0], AWT[1])
            .check(SHIPPED);
        noClasses().that().resideInAnyPackage(SCENARIO, SIM, METRICS, EXPERIMENT, VALIDATION)
            .should().dependOnClassesThat().resideInAPackage(ADVISOR)
            .check(SHIPPED);
    }

    /** The cluster driver's pieces hand the searches' work to job arrays; commands use them, nothing inside does. */
    @Test
    void theClusterPiecesSitUnderTheCommands() {
        noClasses().that().resideInAPackage(CLUSTER)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, GUI, REPORT, CHART, BENCH, API, JFREE, PICOCLI,
                    AWT[0], AWT[1])
            .check(SHIPPED);
        noClasses().that().resideInAnyPackage(SCENARIO, SIM, METRICS, EXPERIMENT, VALIDATION, ADVISOR)
            .should().dependOnClassesThat().resideInAPackage(CLUSTER)
            .check(SHIPPED);
    }

    /** The stable API (docs/API.md) sits beside cli: it runs scenarios, and nothing inside depends on it. */
    @Test
    void theApiUsesTheRunnerAndNothingInsideUsesTheApi() {
        noClasses().that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, GUI, REPORT, CHART, BENCH, PICOCLI, AWT[0], AWT[1])
            .check(SHIPPED);
        noClasses().that().resideInAnyPackage(SCENARIO, SIM, METRICS, EXPERIMENT, VALIDATION, CHART, REPORT, GUI, BENCH)
            .should().dependOnClassesThat().resideInAPackage(API)
            .check(SHIPPED);
    }

    /** What a command leaves behind is assembled in output, which knows no command line; nothing inside uses it. */
    @Test
    void outputSitsBetweenTheCommandsAndWhatTheyShow() {
        noClasses().that().resideInAPackage(OUTPUT)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, GUI, API, BENCH, PICOCLI)
            .check(SHIPPED);
        noClasses().that().resideInAnyPackage(SCENARIO, SIM, METRICS, EXPERIMENT, VALIDATION, CHART, REPORT, ADVISOR)
            .should().dependOnClassesThat().resideInAPackage(OUTPUT)
            .check(SHIPPED);
    }

    /**
     * Commands parse, delegate and report: no chart drawing, no statistics and no CSV writers of
     * the results in {@code cli} (they are in {@code output}, {@code experiment}, {@code validation}).
     */
    @Test
    void commandsHoldNoOutputAssembly() {
        noClasses().that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage(JFREE, "org.apache.commons.math3..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.safepassage.chart.Charts")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.safepassage.experiment.Sample")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.safepassage.experiment.CompareStatistics")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.safepassage.experiment.SobolIndices")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.safepassage.experiment.Spread")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.safepassage.experiment.CompareWriter")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.safepassage.validation.ValidationWriter")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.safepassage.validation.BandCoverage")
            .check(SHIPPED);
    }

    @Test
    void scenarioIsTheInnermostAndKnowsNoLibraryOfTheOuterOnes() {
        ArchRule rule = noClasses()
            .that().resideInAPackage(SCENARIO)
            .should().dependOnClassesThat().resideInAnyPackage(SIM, METRICS, EXPERIMENT, VALIDATION, CHART, GUI, REPORT,
                    BENCH, CLI, MASON, JFREE, PICOCLI, AWT[0], AWT[1]);
        rule.check(SHIPPED);
    }

    @Test
    void theModelImportsOnlyTheScenario() {
        ArchRule rule = noClasses()
            .that().resideInAPackage(SIM)
            .should().dependOnClassesThat().resideInAnyPackage(METRICS, EXPERIMENT, VALIDATION, CHART, GUI, REPORT,
                    BENCH, CLI, JFREE, PICOCLI, AWT[0], AWT[1]);
        rule.check(SHIPPED);
    }

    @Test
    void theRulesAreStatelessFunctionsOfTheScenarioAlone() {
        ArchRule rule = classes()
            .that().resideInAPackage(RULES)
            .should().onlyDependOnClassesThat().resideInAnyPackage(RULES, SCENARIO, "java..");
        rule.check(SHIPPED);
    }

    @Test
    void metricsKnowNoCommandLineNorScreen() {
        ArchRule rule = noClasses()
            .that().resideInAPackage(METRICS)
            .should().dependOnClassesThat().resideInAnyPackage(EXPERIMENT, VALIDATION, CHART, GUI, REPORT, BENCH, CLI,
                    PICOCLI, AWT[0], AWT[1]);
        rule.check(SHIPPED);
    }

    @Test
    void experimentsKnowNoScreen() {
        ArchRule rule = noClasses()
            .that().resideInAPackage(EXPERIMENT)
            .should().dependOnClassesThat().resideInAnyPackage(VALIDATION, CHART, GUI, REPORT, BENCH, CLI, AWT[0],
                    AWT[1]);
        rule.check(SHIPPED);
    }

    @Test
    void validationDrawsNothing() {
        ArchRule rule = noClasses()
            .that().resideInAPackage(VALIDATION)
            .should().dependOnClassesThat().resideInAnyPackage(CHART, GUI, REPORT, BENCH, CLI, JFREE, PICOCLI, AWT[0],
                    AWT[1]);
        rule.check(SHIPPED);
    }

    @Test
    void benchIsNoScreen() {
        ArchRule rule = noClasses()
            .that().resideInAPackage(BENCH)
            .should().dependOnClassesThat().resideInAnyPackage(GUI, CLI, AWT[0], AWT[1]);
        rule.check(SHIPPED);
    }

    /** Charts, the GUI and the metrics read a run through its view, never through the rules or the tick phases. */
    @Test
    void outerPackagesReadTheModelThroughItsView() {
        ArchRule rule = noClasses()
            .that().resideInAnyPackage(CHART, GUI, METRICS, REPORT, VALIDATION, EXPERIMENT, OUTPUT)
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "sim classes outside the read-only view",
                    c -> c.getPackageName().startsWith("org.safepassage.sim")
                            && !ViewOfTheModel.CLASSES.contains(c.getSimpleName().replaceAll("\\$.*", ""))));
        rule.check(SHIPPED);
    }

    @Test
    void noCycleBetweenPackages() {
        ArchRule rule = slices().matching("org.safepassage.(*)..").should().beFreeOfCycles();
        rule.check(SHIPPED);
    }

    /** The public, read-only face of the model that outer packages may use. */
    static final class ViewOfTheModel {
        static final java.util.Set<String> CLASSES = java.util.Set.of("Evacuation", "District", "Grid", "Households",
                "HouseholdPhase", "CorridorState", "FighterState", "PauseCalendar", "TickObserver", "RandomStreams");

        private ViewOfTheModel() {
        }
    }
}
