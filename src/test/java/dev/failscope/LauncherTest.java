package dev.failscope;

import static org.assertj.core.api.Assertions.assertThat;

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
    void subcommandsAndOptionsStayCli() {
        for (String cmd : new String[] {"check", "rules", "simulate", "sweep", "render", "diff", "export",
                "generate", "audit", "help", "gui", "--help", "--version", "-V"}) {
            assertThat(Launcher.route(new String[] {cmd, "a"})).as(cmd).containsExactly(cmd, "a");
        }
    }
}
