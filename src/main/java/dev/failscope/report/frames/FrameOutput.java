package dev.failscope.report.frames;

import dev.failscope.io.OutputRefusedException;
import dev.failscope.io.SafeOutput;
import dev.failscope.model.Finding;
import dev.failscope.model.Topology;
import dev.failscope.simulation.script.Slide;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Renders slides and writes them, through a {@link SafeOutput}, as one animated GIF or a folder of PNG frames. */
public final class FrameOutput {
    private FrameOutput() {}

    /**
     * What was written.
     *
     * @param frames how many frames
     * @param width  frame width in pixels
     * @param height frame height in pixels
     */
    public record Written(int frames, int width, int height) {}

    /** Checks the target first (before rendering), then renders and writes. */
    public static Written write(SafeOutput guard, Path target, boolean gif, Topology topology, List<Finding> findings,
                                List<Slide> slides, String heading) throws OutputRefusedException, IOException {
        if (gif) {
            guard.checkFile(target);
        } else {
            guard.checkFolder(target);
        }
        List<ScenarioFrames.Frame> frames = ScenarioFrames.render(topology, findings, slides, heading);
        if (gif) {
            guard.writeFile(target, AnimatedGif.gif(frames));
        } else {
            guard.writeFolder(target, AnimatedGif.pngSequence(frames), SafeOutput.MANIFEST);
        }
        var first = frames.get(0).image();
        return new Written(frames.size(), first.getWidth(), first.getHeight());
    }
}
