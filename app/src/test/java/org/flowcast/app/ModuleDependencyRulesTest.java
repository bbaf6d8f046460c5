package org.flowcast.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module rules of the architecture true (shared ARCHITECTURE.md, "Modules and the rules between them"). */
class ModuleDependencyRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.flowcast");
    }

    @Test
    void coreUsesNoNativeCodeJavaFxOrJdbc() {
        noClasses().that().resideInAPackage("org.flowcast.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.bytedeco..", "javafx..", "java.sql..", "javax.sql..")
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
    void tensorsStayInsideTheModelModule() {
        noClasses().that().resideOutsideOfPackage("org.flowcast.model..")
                .should().dependOnClassesThat().resideInAPackage("org.flowcast.model.autodiff..")
                .check(classes);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.flowcast.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flowcast.sample..", "org.flowcast.ingest..",
                        "org.flowcast.model..", "org.flowcast.reports..", "org.flowcast.app..")
                .check(classes);
    }

    @Test
    void ingestNeverUsesTheModels() {
        noClasses().that().resideInAPackage("org.flowcast.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flowcast.model..", "org.flowcast.reports..",
                        "org.flowcast.app..", "org.bytedeco..", "javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void sampleDependsOnCoreOnly() {
        noClasses().that().resideInAPackage("org.flowcast.sample..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flowcast.ingest..", "org.flowcast.model..",
                        "org.flowcast.reports..", "org.flowcast.app..", "org.bytedeco..", "javafx..", "java.sql..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void modelUsesNoStoreAndNoUserInterface() {
        noClasses().that().resideInAPackage("org.flowcast.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flowcast.ingest..", "org.flowcast.reports..",
                        "org.flowcast.app..", "javafx..", "java.sql..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void reportsUseNoStoreAndNoUserInterface() {
        noClasses().that().resideInAPackage("org.flowcast.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flowcast.ingest..", "org.flowcast.app..", "javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void jdbcStaysInsideDataIngest() {
        // stores hand out values: no database handle, statement or result set leaves the data-ingest module
        noClasses().that().resideOutsideOfPackage("org.flowcast.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void nothingOutsideTheModelModuleReachesIntoItsWindowsOrNeuralForecasters() {
        noClasses().that().resideOutsideOfPackage("org.flowcast.model..")
                .should().dependOnClassesThat().resideInAPackage("org.flowcast.model.window..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.flowcast.model.neural.NeuralForecaster")
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
}
