package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shell completion: picocli generates it from the command classes (the build writes
 * target/failscope-completion.bash, the .deb installs it for bash and zsh). Here the same script is generated
 * in-process and run by a real bash to complete a command, an option and an enum value.
 */
class ShellCompletionTest {
    @TempDir
    Path tmp;

    @Test
    void theScriptNamesEveryCommand() {
        String script = CompletionScript.bash();
        for (String cmd : FailscopeCommand.commandLine().getSubcommands().keySet()) {
            assertThat(script).as(cmd).contains(cmd);
        }
        assertThat(script).contains("ZSH_VERSION").contains("bashcompinit");
    }

    @Test
    void bashCompletesCommandsOptionsAndValues() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        Path script = tmp.resolve("failscope-completion.bash");
        Files.writeString(script, CompletionScript.bash());
        assertThat(complete(script, "failscope ch")).isEqualTo("check");
        assertThat(complete(script, "failscope check --form")).isEqualTo("--format"); // --fo also matches --force
        assertThat(complete(script, "failscope check --format js")).isEqualTo("json");
    }

    private static String complete(Path script, String line) throws IOException, InterruptedException {
        String words = line.replace("'", "");
        String bash = "source '" + script + "' 2>/dev/null; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "; COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _complete_failscope"
                + " 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("/bin/bash", "-c", bash).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
