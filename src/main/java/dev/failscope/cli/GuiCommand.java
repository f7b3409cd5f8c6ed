package dev.failscope.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code failscope gui [PATH...]}: opens the desktop inspector. The UI class is found by name so that no CLI
 * class refers to JavaFX: other commands never load or start the toolkit.
 */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Opens the desktop inspector on the paths (default: the bundled CatifyMe sample).")
public final class GuiCommand implements Callable<Integer> {
    static final String GUI_MAIN = "dev.failscope.ui.GuiMain";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories to open.")
    List<String> paths = List.of();

    @Override
    public Integer call() throws ReflectiveOperationException {
        try {
            Class.forName(GUI_MAIN).getMethod("run", List.class).invoke(null, List.copyOf(paths));
            return ExitCodes.OK;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof UnsupportedOperationException u) {
                spec.commandLine().getErr().println("failscope: cannot open a window: " + u.getMessage());
                return ExitCodes.LOAD_OR_USAGE;
            }
            throw e;
        }
    }
}
