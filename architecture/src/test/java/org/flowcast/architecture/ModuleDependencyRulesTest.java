package org.flowcast.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the rules between the modules true (README, "Architecture"; shared ARCHITECTURE.md): the production classes
 * of every module, spark included, imported from this module's class path, where each module is a jar or classes
 * folder of its own.
 */
class ModuleDependencyRulesTest {
    private static final String CORE = "org.flowcast.core..";
    private static final String SAMPLE = "org.flowcast.sample..";
    private static final String STORE = "org.flowcast.store..";
    private static final String INGEST = "org.flowcast.ingest..";
    private static final String MODEL = "org.flowcast.model..";
    private static final String REPORTS = "org.flowcast.reports..";
    private static final String JOBS = "org.flowcast.jobs..";
    private static final String APP = "org.flowcast.app..";
    private static final String SPARK = "org.flowcast.spark..";

    private static JavaClasses classes;

    /** Leaves out test classes, the modules' test jars among them (the store's throw-away PostgreSQL server). */
    private static final class ProductionClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && !location.contains("-tests.jar");
        }
    }

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(new ProductionClassesOnly()).importPackages("org.flowcast");
    }

    @Test
    void everyModuleIsImported() {
        for (String module : new String[] {CORE, SAMPLE, STORE, INGEST, MODEL, REPORTS, JOBS, APP, SPARK}) {
            String prefix = module.substring(0, module.length() - 2);
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(prefix)))
                    .as("classes of " + prefix).isTrue();
        }
    }

    @Test
    void modulesDependOnlyOnTheModulesBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy(CORE)
                .layer("sample").definedBy(SAMPLE)
                .layer("store").definedBy(STORE)
                .layer("ingest").definedBy(INGEST)
                .layer("model").definedBy(MODEL)
                .layer("reports").definedBy(REPORTS)
                .layer("jobs").definedBy(JOBS)
                .layer("app").definedBy(APP)
                .layer("spark").definedBy(SPARK)
                .whereLayer("spark").mayNotBeAccessedByAnyLayer()
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("jobs").mayOnlyBeAccessedByLayers("app", "spark")
                .whereLayer("reports").mayOnlyBeAccessedByLayers("jobs", "app", "spark")
                .whereLayer("model").mayOnlyBeAccessedByLayers("reports", "jobs", "app", "spark")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("jobs", "app", "spark")
                .whereLayer("store").mayOnlyBeAccessedByLayers("ingest", "jobs", "app", "spark")
                .whereLayer("sample").mayOnlyBeAccessedByLayers("ingest", "jobs", "app", "spark")
                .check(classes);
    }

    @Test
    void coreUsesNoNativeCodeJavaFxOrJdbc() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.bytedeco..", "javafx..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void jdbcStaysInsideTheStore() {
        // stores hand out values: no database handle, statement or result set leaves the store module
        noClasses().that().resideOutsideOfPackage(STORE)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void onlyTheAutodiffPackageTouchesNd4j() {
        // ND4J is the models' numeric backend: its arrays stay inside the autodiff, so no INDArray leaves the model module
        noClasses().that().resideOutsideOfPackage("org.flowcast.model.autodiff..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..")
                .check(classes);
    }

    @Test
    void noClassCallsNativeLibrariesPastNd4j() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..")
                .check(classes);
    }

    @Test
    void javaFxStaysInTheDashboard() {
        noClasses().that().resideOutsideOfPackage("org.flowcast.app.dashboard..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.testfx..", "com.sun.glass..")
                .check(classes);
    }

    @Test
    void commandsNeverTouchTheStore() {
        // a command parses, calls a service of the jobs module and prints; what the store holds reaches it as the jobs' values
        noClasses().that().resideInAPackage("org.flowcast.app.cli..")
                .should().dependOnClassesThat().resideInAPackage(STORE)
                .check(classes);
    }

    @Test
    void sparkUsesTheJobsNotTheApplication() {
        noClasses().that().resideInAPackage(SPARK)
                .should().dependOnClassesThat().resideInAnyPackage(APP, "javafx..")
                .check(classes);
    }

    @Test
    void nothingOutsideTheModelModuleReachesIntoItsAutodiffWindowsOrNeuralForecasters() {
        noClasses().that().resideOutsideOfPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage("org.flowcast.model.window..", "org.flowcast.model.autodiff..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.flowcast.model.neural.NeuralForecaster")
                .check(classes);
    }

    @Test
    void ingestNeverUsesTheModels() {
        noClasses().that().resideInAPackage(INGEST)
                .should().dependOnClassesThat().resideInAnyPackage(MODEL, REPORTS, JOBS, APP, "org.bytedeco..", "javafx..")
                .check(classes);
    }

    @Test
    void viewModelsUseNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene.control..")
                .check(classes);
    }

    @Test
    void dashboardStateAndDataUseNoSceneGraph() {
        // view-models hold properties and logic only, so that they can be tested without a window
        noClasses().that().resideInAnyPackage("org.flowcast.app.dashboard.viewmodel..", "org.flowcast.app.dashboard.data..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
                .check(classes);
    }

    @Test
    void servicesSpeakNoCommandLine() {
        // the jobs' command-line pieces (options, converters, tables) live in jobs.cli; the services know no picocli
        noClasses().that().resideInAPackage(JOBS).and().resideOutsideOfPackage("org.flowcast.jobs.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "com.github.freva..")
                .check(classes);
    }
}
