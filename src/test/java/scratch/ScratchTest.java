package scratch;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        for (String cmd : System.getProperty("cmds").split(";")) {
            dev.failscope.support.Cli.Run r = dev.failscope.support.Cli.run(cmd.trim().split(" +"));
            System.out.println("$ failscope " + cmd.trim() + "\n" + r.out() + r.err() + "# exit " + r.exit());
        }
    }
}
