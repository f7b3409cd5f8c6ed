package dev.failscope.report;

import dev.failscope.analysis.WaivedFinding;
import dev.failscope.load.LoadError;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.util.List;

/**
 * GitHub Actions workflow commands, one per finding, so findings annotate the pull request:
 * {@code ::error file=F,line=L,col=C,title=T::MESSAGE}. Errors are {@code error}, warnings {@code warning},
 * infos and waived findings {@code notice}. Values are escaped as the Actions runner expects.
 */
public final class GithubReport {
    private GithubReport() {}

    public static String render(CiResult result) {
        StringBuilder out = new StringBuilder();
        for (Finding f : result.findings()) {
            out.append(command(level(f.severity()), f, f.rule(), f.message()));
        }
        for (WaivedFinding w : result.waived()) {
            Finding f = w.finding();
            out.append(command("notice", f, "waived: " + f.rule(), f.message() + " (waived by "
                    + w.waiver().owner() + " until " + w.waiver().expires() + ": " + w.waiver().reason() + ")"));
        }
        return out.toString();
    }

    /** One {@code ::error} per load error, titled "load error". */
    public static String errors(List<LoadError> errors) {
        StringBuilder out = new StringBuilder();
        for (LoadError e : errors) {
            out.append("::error file=").append(property(e.position().file())).append(",line=")
                    .append(e.position().line()).append(",col=").append(e.position().column())
                    .append(",title=failscope load error::").append(data(e.message())).append('\n');
        }
        return out.toString();
    }

    private static String command(String level, Finding f, String title, String message) {
        return "::" + level + " file=" + property(f.position().file()) + ",line=" + f.position().line() + ",col="
                + f.position().column() + ",title=" + property(title) + "::" + data(message) + "\n";
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** The message part: shown visibly (see {@link Escaping}), then %, CR and LF escaped. */
    static String data(String s) {
        return Escaping.githubData(s);
    }

    /** A property value: additionally ':' and ','. */
    static String property(String s) {
        return Escaping.githubProperty(s);
    }
}
