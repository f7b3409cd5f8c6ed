package dev.failscope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void noArgumentsOpensTheGui() {
        assertThat(Launcher.route(new String[0])).containsExactly("gui");
    }

    @Test
    void pathsOpenTheGuiOnThem() {
        assertThat(Launcher.route(new String[] {"sample-topologies/catifyme", "x.yaml"}))
                .containsExactly("gui", "sample-topologies/catifyme", "x.yaml");
    }

    @Test
    void aMistypedCommandStaysCliSoItIsAUsageError() {
        assertThat(Launcher.route(new String[] {"chek", "sample-topologies/catifyme"}))
                .containsExactly("chek", "sample-topologies/catifyme");
        assertThat(Launcher.route(new String[] {"sample-topologies"})).containsExactly("gui", "sample-topologies");
    }

    @Test
    void aMistypedCommandSaysDidYouMeanAndExits2() {
        Cli.Run run = Cli.run(Launcher.route(new String[] {"chek", "sample-topologies/catifyme"}));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("failscope: unknown command 'chek', did you mean check?");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void subcommandsAndOptionsStayCli() {
        for (String cmd : new String[] {"check", "rules", "simulate", "sweep", "render", "diff", "export",
                "generate", "audit", "help", "gui", "--help", "--version", "-V"}) {
            assertThat(Launcher.route(new String[] {cmd, "a"})).as(cmd).containsExactly(cmd, "a");
        }
    }
}
