package dev.failscope.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** CLI commands must never start (or even link) the JavaFX toolkit; the GUI is reached by class name. */
class CliNeverLinksJavaFxTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.failscope");

    @Test
    void cliAndLauncherDoNotDependOnJavaFxOrTheUi() {
        noClasses().that().resideInAnyPackage("dev.failscope.cli..", "dev.failscope")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.failscope.ui..", "atlantafx..")
                .check(classes);
    }
}
