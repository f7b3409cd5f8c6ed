package dev.failscope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core never depends on a face (CLI, GUI) or on the libraries the faces are built with. */
@AnalyzeClasses(packages = "dev.failscope", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    static final String[] CORE = {
        "dev.failscope.model..", "dev.failscope.load..", "dev.failscope.analysis..", "dev.failscope.simulation..",
        "dev.failscope.diff..", "dev.failscope.layout..", "dev.failscope.report..", "dev.failscope.generate..",
        "dev.failscope.io..", "dev.failscope.live..", "dev.failscope.scene.."};

    @ArchTest
    static final ArchRule coreDoesNotDependOnFacesOrTheirLibraries = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "picocli..", "dev.failscope.cli..", "dev.failscope.ui..")
            .allowEmptyShould(true);
}
