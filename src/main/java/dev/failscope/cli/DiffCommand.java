package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.diff.Comparison;
import dev.failscope.diff.Differ;
import dev.failscope.diff.GitSnapshot;
import dev.failscope.diff.SimulatedPrimaryLoss;
import dev.failscope.load.LoadError;
import dev.failscope.model.Severity;
import dev.failscope.report.DiffCi;
import dev.failscope.report.DiffJsonReport;
import dev.failscope.report.GithubReport;
import dev.failscope.report.JUnitReport;
import dev.failscope.report.JsonReport;
import dev.failscope.report.SarifReport;
import dev.failscope.report.DiffLabels;
import dev.failscope.report.DiffMarkdownReport;
import dev.failscope.report.DiffTextReport;
import dev.failscope.report.TextReport;
import dev.failscope.report.html.HtmlReport;
import dev.failscope.report.html.ReviewLink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope diff}: the pre-deploy review of a topology change. */
@Command(name = "diff", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Compares two versions of a topology: semantic changes (with positions on both sides), "
                + "findings introduced and resolved, and the simulated loss of each touched cluster's primary, "
                + "before versus after.",
            "  failscope diff BEFORE AFTER",
            "  failscope diff --before A --before B --after C --after D",
            "  failscope diff --git origin/main [PATH...]",
            "(--git: the working tree versus the same paths at a revision)"},
        footer = {"", "Exit codes:",
            "  0  nothing introduced at or above --fail-on, no primary loss made an outage",
            "  1  a finding at or above --fail-on introduced, or a survived primary loss",
            "     turned into an outage",
            "  2  load error, nothing read (no file Failscope reads), or bad usage"})
public final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, markdown, sarif, junit, github, html }

    enum FailOn { error, warning, info, never }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "BEFORE AFTER; with --git, the paths to compare (default: .).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--before", paramLabel = "PATH", description = "A path of the old version (repeatable).")
    List<String> before = new ArrayList<>();

    @Option(names = "--after", paramLabel = "PATH", description = "A path of the new version (repeatable).")
    List<String> after = new ArrayList<>();

    @Option(names = "--git", paramLabel = "REV",
            description = "Compare the working tree with the same paths at this git revision.")
    String git;

    @Option(names = "--all", description = "Also list the findings the change leaves unchanged.")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown, sarif (introduced findings only), junit, github or html "
            + "(default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "error, warning, info or never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (default: stdout).")
    Path output;

    @Option(names = "--force", description = "With --output: replace an existing file that Failscope did not "
            + "write (never an input).")
    boolean force;

    @Option(names = "--html-link", paramLabel = "URL", description = "With --format markdown: end the comment "
            + "with a link to the review page (diff --format html) published at this http(s) URL.")
    String htmlLink;

    @Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    @Override
    public Integer call() throws IOException {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        PrintWriter err = spec.commandLine().getErr();
        if (htmlLink != null && ReviewLink.problem(htmlLink).isPresent()) {
            return usage(err, "--html-link " + ReviewLink.problem(htmlLink).get());
        }
        Inspector inspector = importFormat.inspector();
        Inspection was;
        Inspection now;
        DiffLabels labels;
        if (git != null) {
            if (!before.isEmpty() || !after.isEmpty()) {
                return usage(err, "--git cannot be combined with --before or --after");
            }
            List<String> sides = paths.isEmpty() ? List.of(".") : paths;
            try (GitSnapshot snapshot = GitSnapshot.extract(git, sides)) {
                was = inspector.analyse(snapshot.load(importFormat.loader()));
            }
            now = inspector.inspect(sides).requireTopology(sides);
            labels = new DiffLabels(git + ":" + String.join(" ", sides), String.join(" ", sides));
        } else {
            List<String> b = new ArrayList<>(before);
            List<String> a = new ArrayList<>(after);
            if (b.isEmpty() && a.isEmpty() && paths.size() == 2) {
                b.add(paths.get(0));
                a.add(paths.get(1));
            } else if (!paths.isEmpty() || b.isEmpty() || a.isEmpty()) {
                return usage(err, "give BEFORE AFTER, or --before and --after, or --git REV [PATH...]");
            }
            was = inspector.inspect(b).requireTopology(b);
            now = inspector.inspect(a).requireTopology(a);
            labels = new DiffLabels(String.join(" ", b), String.join(" ", a));
        }
        List<String> inputs = new ArrayList<>(paths);
        inputs.addAll(before);
        inputs.addAll(after);
        if (git != null && paths.isEmpty()) {
            inputs.add(".");
        }
        dev.failscope.io.SafeOutput guard = ReportOutput.guard(force, inputs, was, now);
        if (was.hasLoadErrors() || now.hasLoadErrors()) {
            List<LoadError> errors = new ArrayList<>(was.errors());
            errors.addAll(now.errors());
            out.print(switch (format) {
                case text, markdown -> TextReport.errors(errors);
                case json -> JsonReport.errors(errors);
                case sarif -> SarifReport.errors(errors, inspector.catalog());
                case junit -> JUnitReport.errors("failscope diff", errors);
                case github -> GithubReport.errors(errors);
                case html -> HtmlReport.errors(errors, labels.before() + " → " + labels.after());
            });
            emit(buffer, guard);
            return ExitCodes.LOAD_OR_USAGE;
        }
        if (!ReportOutput.check(spec, output, guard)) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        Comparison comparison = new Differ(inspector, new SimulatedPrimaryLoss()).compare(was, now);
        Severity threshold = failOn == FailOn.never ? null
                : Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT));
        out.print(switch (format) {
            case text -> DiffTextReport.render(comparison, labels, all);
            case json -> DiffJsonReport.render(comparison, labels, all, threshold);
            case markdown -> DiffMarkdownReport.render(comparison, labels, all, threshold);
            case sarif -> SarifReport.findings(comparison.findings().introduced(), List.of(), inspector.catalog());
            case junit -> JUnitReport.render(DiffCi.of(comparison, Optional.ofNullable(threshold)),
                    inspector.catalog().rules());
            case github -> GithubReport.render(DiffCi.of(comparison, Optional.ofNullable(threshold)));
            case html -> HtmlReport.diff(comparison, labels);
        });
        if (format == Format.markdown && htmlLink != null) {
            out.print(ReviewLink.markdown(htmlLink));
        }
        out.flush();
        if (!emit(buffer, guard)) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        return comparison.fails(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** Writes the report to --output or stdout; false (with a message) when the file cannot be written. */
    private boolean emit(StringWriter buffer, dev.failscope.io.SafeOutput guard) {
        return ReportOutput.write(spec, output, buffer.toString(), guard);
    }

    private int usage(PrintWriter err, String message) {
        err.println("failscope diff: " + message);
        err.println("Try 'failscope diff --help' for more information.");
        err.flush();
        return ExitCodes.LOAD_OR_USAGE;
    }
}
