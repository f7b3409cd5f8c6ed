package dev.failscope.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Judges a prediction against what the real manager did, and records the row in the lab's results table
 * ({@code target/lab/fidelity-LAB.md}, and {@code target/lab/fidelity.md} from every lab's file).
 *
 * <p>Timing bounds are generous because the machine is shared: the measured time may be up to
 * {@link #EARLY_MS} before the predicted minimum and {@link #LATE_MS} plus half the maximum after it.
 */
final class Fidelity {
    static final long EARLY_MS = 1_000;
    static final long LATE_MS = 3_000;
    static final Set<String> WRITABLE = Set.of("healthy", "degraded");
    static final Set<String> NOT_WRITABLE = Set.of("down", "writes-blocked");

    /** One result row. */
    record Row(String scenario, Outcome real, Prediction prediction, List<String> mismatches, boolean oldFieldsHold) {
        boolean matches() {
            return mismatches.isEmpty();
        }
    }

    private final String lab;
    private final String title;
    private final List<String> versions;
    private final List<Row> rows = new ArrayList<>();

    Fidelity(String lab, String title, List<String> versions) {
        this.lab = lab;
        this.title = title;
        this.versions = versions;
    }

    /** Records the row and returns why the prediction does not hold (empty when it does). */
    List<String> record(String scenario, Outcome real, Prediction prediction, String oldPrimary) {
        List<String> why = judge(real, prediction, oldPrimary);
        rows.add(new Row(scenario, real, prediction, why, holdsOnOldFields(real, prediction, oldPrimary)));
        write();
        return why;
    }

    static List<String> judge(Outcome real, Prediction p, String oldPrimary) {
        List<String> why = new ArrayList<>();
        if (p.error() != null) {
            why.add(p.error());
            return why;
        }
        if (p.state() == null) {
            why.add("the prediction has no state");
        }
        if (p.possiblePrimaries() == null) {
            why.add("the prediction has no possible_primaries");
        }
        switch (real.kind()) {
            case PROMOTED -> {
                expectState(why, p, WRITABLE);
                if (p.possiblePrimaries() != null && !p.possiblePrimaries().contains(real.primary())) {
                    why.add("real primary " + real.primary() + " is not in possible_primaries "
                            + p.possiblePrimaries());
                }
                if (p.possiblePrimaries() != null && p.possiblePrimaries().size() > 1 && p.primary() != null) {
                    why.add("primary is " + p.primary() + " although " + p.possiblePrimaries().size()
                            + " members are possible");
                }
                if (p.rtoMinMs() == null || p.rtoMaxMs() == null) {
                    why.add("the prediction has no rto_range_ms");
                } else if (real.switchMs() < p.rtoMinMs() - EARLY_MS
                        || real.switchMs() > p.rtoMaxMs() + p.rtoMaxMs() / 2 + LATE_MS) {
                    why.add("measured " + seconds(real.switchMs()) + " is outside the predicted RTO "
                            + seconds(p.rtoMinMs()) + "–" + seconds(p.rtoMaxMs()) + " (with the lab's slack)");
                }
            }
            case NO_PRIMARY -> {
                expectState(why, p, NOT_WRITABLE);
                if ("down".equals(p.state()) && p.possiblePrimaries() != null && !p.possiblePrimaries().isEmpty()) {
                    why.add("state down but possible_primaries " + p.possiblePrimaries() + " (expected [])");
                }
            }
            case WRITES_BLOCKED -> expectState(why, p, Set.of("writes-blocked"));
            case PRIMARY_KEPT -> {
                expectState(why, p, WRITABLE);
                if (p.possiblePrimaries() != null && !p.possiblePrimaries().equals(List.of(oldPrimary))) {
                    why.add("the primary stayed " + oldPrimary + ", predicted possible " + p.possiblePrimaries());
                }
            }
        }
        return why;
    }

    /**
     * Whether the fields Failscope printed before the per-manager engines ({@code state}, {@code primary},
     * {@code rto_ms}) already agree with the real outcome: tells which rows need the new fields and which need a
     * different prediction.
     */
    static boolean holdsOnOldFields(Outcome real, Prediction p, String oldPrimary) {
        if (p.error() != null || p.state() == null) {
            return false;
        }
        return switch (real.kind()) {
            case PROMOTED -> WRITABLE.contains(p.state()) && real.primary().equals(p.primary()) && p.rtoMs() != null
                    && real.switchMs() >= p.rtoMs() - EARLY_MS && real.switchMs() <= p.rtoMs() + p.rtoMs() / 2 + LATE_MS;
            case NO_PRIMARY -> NOT_WRITABLE.contains(p.state());
            case WRITES_BLOCKED -> "writes-blocked".equals(p.state());
            case PRIMARY_KEPT -> WRITABLE.contains(p.state()) && oldPrimary.equals(p.primary());
        };
    }

    private static void expectState(List<String> why, Prediction p, Set<String> allowed) {
        if (p.state() != null && !allowed.contains(p.state())) {
            why.add("state " + p.state() + ", expected " + String.join(" or ", allowed.stream().sorted().toList()));
        }
    }

    static String seconds(Long ms) {
        return ms == null ? "-" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private void write() {
        List<String> out = new ArrayList<>();
        out.add("### " + title);
        out.add("");
        out.add("Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + String.join(", ", versions) + ".");
        out.add("");
        out.add("| scenario | real outcome (time after the kill) | Failscope predicts | match | state, primary and "
                + "rto_ms alone |");
        out.add("|---|---|---|---|---|");
        for (Row r : rows) {
            out.add("| " + cell(r.scenario()) + " | " + cell(r.real().describe()) + " | "
                    + cell(r.prediction().describe()) + " | " + (r.matches() ? "yes" : "**no**: "
                    + cell(String.join("; ", r.mismatches()))) + " | " + (r.oldFieldsHold() ? "hold" : "wrong")
                    + " |");
        }
        out.add("");
        try {
            Files.createDirectories(LabHost.SCRATCH);
            Files.write(LabHost.SCRATCH.resolve("fidelity-" + lab + ".md"), out, StandardCharsets.UTF_8);
            List<String> all = new ArrayList<>(List.of("## Reality lab results", ""));
            try (Stream<Path> files = Files.list(LabHost.SCRATCH)) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("fidelity-.+\\.md")).sorted()
                        .toList()) {
                    all.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
                }
            }
            Files.write(LabHost.SCRATCH.resolve("fidelity.md"), all, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
