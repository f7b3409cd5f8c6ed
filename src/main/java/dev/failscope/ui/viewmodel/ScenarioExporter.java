package dev.failscope.ui.viewmodel;

import dev.failscope.analysis.Inspection;
import dev.failscope.io.OutputRefusedException;
import dev.failscope.io.SafeOutput;
import dev.failscope.load.SourceFile;
import dev.failscope.simulation.script.Slide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * File → Export scenario…: the running simulation or the last scenario script as an animated GIF or a folder of
 * PNG frames, the same frames as {@code failscope simulate --format gif|png-sequence}. Runs in the background;
 * the files go through {@link SafeOutput}, which never replaces an input. Pure (no JavaFX).
 */
public final class ScenarioExporter {
    private ScenarioExporter() {}

    /** Beats back to the core slides they were made from. */
    public static List<Slide> slides(List<Beat> beats) {
        return beats.stream().map(b -> new Slide(Slide.Kind.valueOf(b.kind().name()), b.time(), b.caption(),
                b.events(), b.applied())).toList();
    }

    /**
     * Renders and writes the frames; returns what the status bar says ("Exported 10 frames to …" or why not).
     *
     * @param inspection what is on screen (its topology, findings and the files read, which are protected)
     * @param inputs     the paths on screen (folders among them are protected as a whole)
     * @param target     the GIF file, or the folder of PNG frames
     * @param gif        true for an animated GIF, false for a PNG sequence
     */
    public static String export(Inspection inspection, List<String> inputs, List<Slide> slides, String heading,
                                Path target, boolean gif) {
        if (slides.isEmpty()) {
            return "Nothing to export: simulate a loss (K) or open a scenario first";
        }
        List<Path> read = new ArrayList<>();
        for (SourceFile f : inspection.load().files()) {
            read.add(f.path());
        }
        List<Path> trees = inputs.stream().map(Path::of).filter(Files::isDirectory).toList();
        SafeOutput guard = SafeOutput.guarding(read, trees, true); // the save dialog asked before replacing
        try {
            var written = dev.failscope.report.frames.FrameOutput.write(guard, target, gif, inspection.topology(),
                    inspection.findings(), slides, heading);
            return gif ? "Exported " + written.frames() + " frames as an animated GIF to " + target
                    : "Exported " + written.frames() + " PNG frames and captions.txt to " + target;
        } catch (OutputRefusedException e) {
            return "Could not export the scenario: " + e.getMessage();
        } catch (IOException e) {
            return "Could not export the scenario to " + target + ": " + dev.failscope.io.IoProblems.describe(e);
        }
    }
}
