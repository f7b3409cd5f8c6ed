package dev.failscope.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.load.LoadOptions;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Server;
import dev.failscope.simulation.Simulator;
import dev.failscope.simulation.Sweep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the loader: real configs of every importer, the samples and the hostile corpus, mangled by random edits,
 * loaded natively and forced through every importer; whatever loads is simulated and swept. Nothing may throw or
 * take more than a few seconds. Tries: {@code jqwik.tries.default} (150 in mvn verify; see docs/reliability.md).
 */
class LoaderFuzzProperties {
    private static final String[] GARBAGE = {"", " ", "\n", ":", "- ", "[", "{", "\"", "'", "#", "=", "0", "&a ", "*a",
        "!!str ", "99999999999999999999", "-1", "null", "yes", "on", "~", "---\n", "[server1]\n", "sentinel monitor ",
        "kind: ", "knid: ", "\t", "}", "]", "\\U", "\\UFFFFFFFF", "\u0000", "\uFEFF", "\u202E", "999999999999h",
        "apiVersion: ", "  ", ",", "@", "%", "|\n", ">\n", "? "};

    private static List<Seed> seeds;
    private static Path work;

    record Seed(String name, String text) {}

    record Edit(double at, int kind, int garbage, int length) {}

    record Case(Seed seed, List<Edit> edits, int format) {
        String mangled() {
            StringBuilder sb = new StringBuilder(seed.text());
            for (Edit e : edits) {
                if (sb.length() == 0) {
                    sb.append(GARBAGE[e.garbage()]);
                    continue;
                }
                int at = Math.min(sb.length() - 1, (int) (e.at() * sb.length()));
                switch (e.kind()) {
                    case 0 -> sb.setLength(at);
                    case 1 -> sb.delete(at, Math.min(sb.length(), at + e.length()));
                    case 2 -> sb.insert(at, GARBAGE[e.garbage()]);
                    case 3 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + e.length())));
                    default -> sb.replace(at, Math.min(sb.length(), at + 1 + e.length() / 8), GARBAGE[e.garbage()]);
                }
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return seed.name() + " " + edits + " format " + format;
        }
    }

    @BeforeContainer
    static void readSeeds() throws IOException {
        work = Files.createTempDirectory("failscope-fuzz");
        seeds = new ArrayList<>();
        for (String root : List.of("src/test/resources/real-configs", "src/test/resources/terraform",
                "sample-topologies")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted()
                        .toList()) {
                    seeds.add(new Seed(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        for (HostileCorpus c : HostileCorpus.read()) {
            c.files().forEach((name, text) -> seeds.add(new Seed(name, text)));
        }
    }

    @AfterContainer
    static void removeWork() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, GARBAGE.length - 1),
                Arbitraries.integers().between(1, 60)).as(Edit::new);
        List<String> formats = TopologyLoader.formats();
        return Combinators.combine(Arbitraries.of(seeds), edit.list().ofMinSize(0).ofMaxSize(8),
                Arbitraries.integers().between(-1, formats.size() - 1)).as(Case::new);
    }

    @Property
    void mangledInputNeverThrowsAndWhatLoadsSimulates(@ForAll("cases") Case c) {
        Path file = work.resolve(Integer.toHexString(c.hashCode()) + "-" + c.seed().name());
        try {
            Files.writeString(file, c.mangled(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> formats = TopologyLoader.formats();
        String format = c.format() < 0 ? null : formats.get(c.format());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Inspection i = new Inspector(new TopologyLoader(new LoadOptions(format)), RuleCatalog.standard())
                    .inspect(List.of(file.toString()));
            assertThat(i.errors()).allSatisfy(e -> assertThat(e.format()).doesNotContain("Exception"));
            if (!i.hasLoadErrors() && !i.topology().servers().isEmpty()) {
                Server first = i.topology().servers().get(0);
                var index = dev.failscope.simulation.SimulationIndex.of(i.topology());
                var parse = index.parse(List.of(first.name()));
                if (parse.ok()) {
                    new Simulator(index).run(parse.scenario());
                }
                Sweep.run(i.topology(), Sweep.Options.SERVERS);
            }
        });
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
