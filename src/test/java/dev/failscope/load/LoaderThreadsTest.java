package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failscope.generate.Fleet;
import dev.failscope.generate.FleetGenerator;
import dev.failscope.generate.FleetSpec;
import dev.failscope.model.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are read and parsed on worker threads ahead of the model; what is loaded must not depend on it. */
class LoaderThreadsTest {
    @TempDir
    Path dir;

    @Test
    void aGeneratedFleetWithBadFilesLoadsTheSameOnOneThreadAndOnFour() throws IOException {
        Fleet fleet = FleetGenerator.generate(new FleetSpec(300, 2, 3, 12, 7));
        for (Fleet.GeneratedFile f : fleet.files()) {
            Path p = dir.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.text());
        }
        // bad input between the good files: a syntax error, an unknown document, binary bytes, an empty file
        Files.writeString(dir.resolve("clusters/broken.yaml"), "kind: cluster\nname: [unclosed\n");
        Files.writeString(dir.resolve("clusters/odd.yaml"), "kind: nonsense\nname: x\n");
        Files.write(dir.resolve("inventory/binary.yaml"), new byte[] {0, 1, 2, (byte) 0xff, 10});
        Files.writeString(dir.resolve("services/empty.yaml"), "");
        Files.write(dir.resolve("services/latin1.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        LoadResult one = load(1);
        for (int threads : List.of(2, 4, 16)) {
            LoadResult many = load(threads);
            assertThat(many.errors()).as(threads + " threads").isEqualTo(one.errors());
            assertSameTopology(many.topology(), one.topology());
            assertThat(many.files()).isEqualTo(one.files());
        }
        assertThat(one.errors()).extracting(e -> e.position().file()).contains(dir.resolve("clusters/broken.yaml")
                .toString(), dir.resolve("inventory/binary.yaml").toString());
        assertThat(one.topology().servers()).hasSizeGreaterThan(600);
    }

    @Test
    void theSamplesLoadTheSameOnOneThreadAndOnFour() {
        for (String sample : List.of("catifyme", "catifyme-imported", "catifyme-routed", "three-zone-healthy")) {
            String path = "sample-topologies/" + sample;
            LoadResult one = new TopologyLoader(LoadLimits.DEFAULT, LoadOptions.DEFAULT, 1).load(List.of(path));
            LoadResult four = new TopologyLoader(LoadLimits.DEFAULT, LoadOptions.DEFAULT, 4).load(List.of(path));
            assertThat(four.errors()).as(sample).isEqualTo(one.errors());
            assertSameTopology(four.topology(), one.topology());
        }
    }

    @Test
    void resultsComeBackInInputOrderAndAFailureIsRethrownAsItWas() {
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inputs.add(i);
        }
        AtomicInteger ran = new AtomicInteger();
        try (ReadAhead<Integer, String> ahead = new ReadAhead<>(inputs, i -> {
            ran.incrementAndGet();
            if (i % 7 == 0) {
                Thread.onSpinWait(); // the fast ones finish first
            } else {
                sleep(1);
            }
            return "r" + i;
        }, 3)) {
            List<String> out = new ArrayList<>();
            while (ahead.hasNext()) {
                out.add(ahead.next());
            }
            assertThat(out).containsExactlyElementsOf(inputs.stream().map(i -> "r" + i).toList());
        }
        assertThat(ran).hasValue(50);
        try (ReadAhead<Integer, String> failing = new ReadAhead<>(List.of(1, 2, 3), i -> {
            if (i == 2) {
                throw new OutOfMemoryError("test");
            }
            return "ok";
        }, 2)) {
            assertThat(failing.next()).isEqualTo("ok");
            assertThatThrownBy(failing::next).isInstanceOf(OutOfMemoryError.class).hasMessage("test");
        }
    }

    @Test
    void bothRunsTwoTasksSideBySideAndRethrowsWhatEitherThrew() throws Exception {
        // each waits for the other: they finish only when both run at once
        java.util.concurrent.CyclicBarrier meet = new java.util.concurrent.CyclicBarrier(2);
        ReadAhead.Both<String, Integer> both = ReadAhead.both(() -> {
            await(meet);
            return Thread.currentThread().getName();
        }, () -> {
            await(meet);
            return 42;
        }, 2);
        assertThat(both.first()).startsWith("failscope-worker-");
        assertThat(both.second()).isEqualTo(42);
        ReadAhead.Both<String, String> here = ReadAhead.both(() -> Thread.currentThread().getName(),
                () -> Thread.currentThread().getName(), 1);
        assertThat(here.first()).isEqualTo(Thread.currentThread().getName()).isEqualTo(here.second());
        assertThatThrownBy(() -> ReadAhead.both(() -> "a", () -> {
            throw new OutOfMemoryError("second");
        }, 2)).isInstanceOf(OutOfMemoryError.class).hasMessage("second");
    }

    private static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSizeScheduleStartsTheLargestFirstKeepsOrderAndStaysWithinItsBudget() throws Exception {
        List<Integer> sizes = List.of(5, 90, 1, 40, 7, 90, 3, 60, 2, 8, 1, 30);
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            inputs.add(i);
        }
        List<Integer> startOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        try (ReadAhead<Integer, String> ahead = new ReadAhead<>(inputs, i -> {
            startOrder.add(i);
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "r" + i;
        }, 1_000, i -> sizes.get(i), 1_000)) {
            assertThat(ahead.schedule()).containsExactly(1, 5, 7, 3, 11, 9, 4, 0, 6, 8, 2, 10);
            gate.countDown();
            List<String> out = new ArrayList<>();
            while (ahead.hasNext()) {
                out.add(ahead.next());
            }
            assertThat(out).containsExactlyElementsOf(inputs.stream().map(i -> "r" + i).toList());
        }
        assertThat(startOrder).hasSize(sizes.size()).doesNotHaveDuplicates();

        // a budget of 100: never more than 100 started and not taken, except the one the caller waits for
        java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong most = new java.util.concurrent.atomic.AtomicLong();
        try (ReadAhead<Integer, Integer> ahead = new ReadAhead<>(inputs, i -> {
            most.accumulateAndGet(held.addAndGet(sizes.get(i)), Math::max);
            return i;
        }, 3, i -> sizes.get(i), 100)) {
            List<Integer> out = new ArrayList<>();
            while (ahead.hasNext()) {
                int i = ahead.next();
                held.addAndGet(-sizes.get(i));
                out.add(i);
            }
            assertThat(out).containsExactlyElementsOf(inputs);
        }
        assertThat(most.get()).isLessThanOrEqualTo(100 + 90);
    }

    @Test
    void aLoaderNeedsAtLeastOneThread() {
        assertThatThrownBy(() -> new TopologyLoader(LoadLimits.DEFAULT, LoadOptions.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private LoadResult load(int threads) {
        return new TopologyLoader(LoadLimits.DEFAULT, LoadOptions.DEFAULT, threads).load(List.of(dir.toString()));
    }

    private static void assertSameTopology(Topology actual, Topology expected) {
        assertThat(actual.files()).isEqualTo(expected.files());
        assertThat(actual.servers()).isEqualTo(expected.servers());
        assertThat(actual.clusters()).isEqualTo(expected.clusters());
        assertThat(actual.policies()).isEqualTo(expected.policies());
        assertThat(actual.services()).isEqualTo(expected.services());
        assertThat(actual.routes()).isEqualTo(expected.routes());
        assertThat(actual.loadFindings()).isEqualTo(expected.loadFindings());
        assertThat(actual.unknownKeys()).isEqualTo(expected.unknownKeys());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
