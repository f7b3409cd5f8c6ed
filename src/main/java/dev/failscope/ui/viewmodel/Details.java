package dev.failscope.ui.viewmodel;

import dev.failscope.model.Finding;
import dev.failscope.model.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the details panel shows for the selection.
 *
 * @param title      the element name
 * @param kind       "server", "cluster", "service", or "missing server" and so on
 * @param properties every property, with where it was written
 * @param findings   findings about the element (as subject or target)
 * @param candidates for a cluster with a failover policy, each candidate's verdict
 * @param snippet    the config around the focused line, if the file can be read
 */
public record Details(String title, String kind, List<Property> properties, List<Finding> findings,
                      List<CandidateRow> candidates, Optional<Snippet> snippet) {
    public Details {
        Objects.requireNonNull(title);
        Objects.requireNonNull(kind);
        properties = List.copyOf(properties);
        findings = List.copyOf(findings);
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(snippet);
    }

    /** One property: key, value as text, and the position it was written at (empty when defaulted). */
    public record Property(String key, String value, Optional<SourcePosition> position) {
        public Property {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
            Objects.requireNonNull(position);
        }

        /** {@code file:line} or "default". */
        public String where() {
            return position.map(SourcePosition::shortForm).orElse("default");
        }
    }

    /**
     * A failover candidate's verdict, in the simulator's words.
     *
     * @param order     1-based order
     * @param name      the candidate
     * @param viable    promotable
     * @param why       "viable", or the reasons it is not (or warnings), joined
     * @param decidedBy the fact that decided it, when not viable
     */
    public record CandidateRow(int order, String name, boolean viable, String why,
                               Optional<SourcePosition> decidedBy) {
        public CandidateRow {
            Objects.requireNonNull(name);
            Objects.requireNonNull(why);
            Objects.requireNonNull(decidedBy);
        }
    }

    /**
     * Lines of a config file around a focus line.
     *
     * @param file      display path
     * @param firstLine 1-based number of {@code lines.get(0)}
     * @param lines     the lines
     * @param focusLine the 1-based line to highlight
     */
    public record Snippet(String file, int firstLine, List<String> lines, int focusLine) {
        public Snippet {
            Objects.requireNonNull(file);
            lines = List.copyOf(lines);
        }

        /** The snippet as numbered lines, focus marked with {@code >}. */
        public String numbered() {
            StringBuilder sb = new StringBuilder();
            int width = String.valueOf(firstLine + lines.size() - 1).length();
            for (int i = 0; i < lines.size(); i++) {
                int n = firstLine + i;
                sb.append(n == focusLine ? "> " : "  ")
                        .append(String.format("%" + width + "d", n)).append(" │ ").append(lines.get(i)).append('\n');
            }
            return sb.toString();
        }
    }
}
