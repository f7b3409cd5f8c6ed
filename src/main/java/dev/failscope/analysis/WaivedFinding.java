package dev.failscope.analysis;

import dev.failscope.model.Finding;
import dev.failscope.model.Waiver;
import java.util.Comparator;
import java.util.Objects;

/** A finding a live waiver accepts: reported, but it does not fail a run. */
public record WaivedFinding(Finding finding, Waiver waiver) {
    public static final Comparator<WaivedFinding> ORDER = Comparator.comparing(WaivedFinding::finding,
            Finding.ORDER);

    public WaivedFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(waiver, "waiver");
    }
}
