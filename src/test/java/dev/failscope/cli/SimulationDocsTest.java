package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every {@code $ failscope ...} example in docs/simulation.md prints exactly what the document shows. */
class SimulationDocsTest {
    @Test
    void examplesShowRealOutput() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docs/simulation.md"));
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("$ failscope ")) {
                continue;
            }
            String[] args = lines.get(i).substring("$ failscope ".length()).split(" ");
            List<String> shown = new ArrayList<>();
            int j = i + 1;
            while (!lines.get(j).equals("```") && !lines.get(j).startsWith("$ ")) {
                shown.add(lines.get(j++));
            }
            Cli.Run r = Cli.run(args);
            assertThat(r.out() + r.err()).as(lines.get(i)).isEqualTo(String.join("\n", shown) + "\n");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
    }
}
