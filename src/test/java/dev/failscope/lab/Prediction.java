package dev.failscope.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failscope.support.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Failscope predicts for one cluster, asked through the real command line in-process:
 * {@code failscope simulate DIR --format json --fail server:NAME ...}. Fields the JSON lacks stay null, so a
 * prediction without {@code possible_primaries} or {@code rto_range_ms} can never match by accident.
 *
 * @param error why there is no prediction (exit code and message), or null
 */
record Prediction(String error, String state, String primary, List<String> possiblePrimaries, Long rtoMinMs,
                  Long rtoMaxMs, Long rtoMs, List<String> args) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Prediction ask(Path configDir, String cluster, List<String> failedServers) {
        List<String> args = new ArrayList<>(List.of("simulate", configDir.toString(), "--format", "json"));
        for (String s : failedServers) {
            args.add("--fail");
            args.add("server:" + s);
        }
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        List<String> shown = args.subList(1, args.size()).stream()
                .map(a -> a.equals(configDir.toString()) ? "configs/" : a).toList();
        try {
            Files.writeString(configDir.resolveSibling("prediction.json"), run.out() + run.err(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (run.exit() != 0 && run.exit() != 1) {
            return failed("simulate exit " + run.exit() + ": " + run.err().strip(), shown);
        }
        JsonNode c;
        try {
            c = JSON.readTree(run.out()).path("clusters").path(cluster);
        } catch (IOException e) {
            return failed("simulate printed no JSON: " + e.getMessage(), shown);
        }
        if (c.isMissingNode()) {
            return failed("no cluster '" + cluster + "' in the prediction", shown);
        }
        List<String> possible = null;
        if (c.path("possible_primaries").isArray()) {
            possible = new ArrayList<>();
            for (JsonNode n : c.path("possible_primaries")) {
                possible.add(n.asText());
            }
        }
        JsonNode range = c.path("rto_range_ms");
        return new Prediction(null, c.path("state").isTextual() ? c.path("state").asText() : null,
                c.path("primary").isTextual() ? c.path("primary").asText() : null, possible, number(range.path("min")),
                number(range.path("max")), number(c.path("rto_ms")), shown);
    }

    private static Long number(JsonNode n) {
        return n.isNumber() ? n.asLong() : null;
    }

    private static Prediction failed(String error, List<String> args) {
        return new Prediction(error, null, null, null, null, null, null, args);
    }

    /** One cell of the fidelity table. */
    String describe() {
        if (error != null) {
            return "no prediction (" + error.lines().findFirst().orElse("") + ")";
        }
        StringBuilder b = new StringBuilder(String.valueOf(state));
        if (possiblePrimaries != null) {
            b.append(", possible ").append(possiblePrimaries);
        } else {
            b.append(", primary ").append(primary).append(" (no possible_primaries)");
        }
        if (rtoMinMs != null && rtoMaxMs != null) {
            b.append(", RTO ").append(Fidelity.seconds(rtoMinMs)).append("–").append(Fidelity.seconds(rtoMaxMs));
        } else if (rtoMs != null) {
            b.append(", RTO ").append(Fidelity.seconds(rtoMs)).append(" (no rto_range_ms)");
        }
        return b.toString();
    }
}
