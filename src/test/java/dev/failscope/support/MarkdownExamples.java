package dev.failscope.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the shell examples out of a Markdown file; the convention is described in {@code docs/CONTRIBUTING.md}.
 *
 * <ul>
 *   <li>A {@code console} fence is a transcript: each {@code $ } line is a command (a trailing backslash continues
 *       it), the lines up to the next {@code $ } line are its expected output (stdout, then stderr), and
 *       {@code # exit N} (or {@code $ echo $?} followed by {@code N}) gives its exit code.</li>
 *   <li>An {@code sh}, {@code bash} or {@code shell} fence lists commands without output: every line that is not
 *       blank or a {@code #} comment is one.</li>
 *   <li>Every other fence ({@code text}, {@code yaml}, ...) is not scanned, except that an unlabelled fence holding
 *       a {@code $ } line or a line starting with {@code failscope } is reported as unclassified.</li>
 * </ul>
 */
public final class MarkdownExamples {
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([A-Za-z0-9_+-]*).*$");
    private static final Pattern EXIT = Pattern.compile("^# exit (\\d+)$");

    private MarkdownExamples() {}

    /** What kind of fence a command came from. */
    public enum Kind {
        /** {@code console}: a command with its expected output. */
        TRANSCRIPT,
        /** {@code sh}/{@code bash}/{@code shell}: a command shown without output. */
        COMMAND,
        /** An unlabelled fence that looks like shell: must be labelled {@code console}, {@code sh} or {@code text}. */
        UNCLASSIFIED
    }

    /**
     * One command of a document.
     *
     * @param file     the Markdown file, relative to the project root
     * @param line     1-based line of the command
     * @param kind     what fence it came from
     * @param command  the command line, continuations joined, without the {@code $ } prompt
     * @param expected expected output lines (transcripts only; empty otherwise)
     * @param exit     expected exit code when the transcript shows one
     */
    public record Example(String file, int line, Kind kind, String command, List<String> expected, OptionalInt exit) {
        public Example {
            expected = List.copyOf(expected);
        }

        public String where() {
            return file + ":" + line;
        }
    }

    public static List<Example> read(Path root, Path markdown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String file = root.relativize(markdown).toString().replace('\\', '/');
        List<Example> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher m = FENCE.matcher(lines.get(i));
            if (!m.matches()) {
                i++;
                continue;
            }
            String fence = m.group(2);
            String label = m.group(3).toLowerCase(Locale.ROOT);
            int bodyStart = i + 1;
            int end = bodyStart;
            while (end < lines.size() && !lines.get(end).strip().startsWith(fence)) {
                end++;
            }
            List<String> body = lines.subList(bodyStart, Math.min(end, lines.size()));
            switch (label) {
                case "console" -> transcript(file, bodyStart, body, out);
                case "sh", "bash", "shell" -> {
                    // A block that starts with a shebang is the listing of a script file the reader saves
                    // (a git hook, a cron job), not commands to run where the doc is read.
                    if (body.isEmpty() || !body.get(0).startsWith("#!")) {
                        commands(file, bodyStart, body, out);
                    }
                }
                case "" -> unclassified(file, bodyStart, body, out);
                default -> { }
            }
            i = end + 1;
        }
        return out;
    }

    private static void transcript(String file, int firstIndex, List<String> body, List<Example> out) {
        int i = 0;
        while (i < body.size()) {
            if (!body.get(i).startsWith("$ ")) {
                i++; // text before the first prompt is not checked
                continue;
            }
            int line = firstIndex + i + 1;
            StringBuilder command = new StringBuilder(body.get(i).substring(2).strip());
            while (command.toString().endsWith("\\") && i + 1 < body.size()) {
                String head = command.substring(0, command.length() - 1).stripTrailing();
                command.setLength(0);
                command.append(head).append(' ').append(body.get(++i).strip());
            }
            i++;
            List<String> expected = new ArrayList<>();
            OptionalInt exit = OptionalInt.empty();
            while (i < body.size() && !body.get(i).startsWith("$ ")) {
                Matcher e = EXIT.matcher(body.get(i).strip());
                if (e.matches()) {
                    exit = OptionalInt.of(Integer.parseInt(e.group(1)));
                } else {
                    expected.add(body.get(i));
                }
                i++;
            }
            if (i + 1 < body.size() && body.get(i).strip().equals("$ echo $?") && body.get(i + 1).strip().matches("\\d+")) {
                exit = OptionalInt.of(Integer.parseInt(body.get(i + 1).strip()));
                i += 2;
            }
            out.add(new Example(file, line, Kind.TRANSCRIPT, command.toString().strip(), trimTrailingBlank(expected), exit));
        }
    }

    private static void commands(String file, int firstIndex, List<String> body, List<Example> out) {
        for (int i = 0; i < body.size(); i++) {
            String text = body.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int line = firstIndex + i + 1;
            StringBuilder command = new StringBuilder(text.startsWith("$ ") ? text.substring(2) : text);
            while (command.toString().endsWith("\\") && i + 1 < body.size()) {
                String head = command.substring(0, command.length() - 1).stripTrailing();
                command.setLength(0);
                command.append(head).append(' ').append(body.get(++i).strip());
            }
            out.add(new Example(file, line, Kind.COMMAND, command.toString().strip(), List.of(), OptionalInt.empty()));
        }
    }

    private static void unclassified(String file, int firstIndex, List<String> body, List<Example> out) {
        for (int i = 0; i < body.size(); i++) {
            String text = body.get(i).strip();
            if (text.startsWith("$ ") || text.startsWith("failscope ")) {
                out.add(new Example(file, firstIndex + i + 1, Kind.UNCLASSIFIED,
                        text.startsWith("$ ") ? text.substring(2) : text, List.of(), OptionalInt.empty()));
            }
        }
    }

    private static List<String> trimTrailingBlank(List<String> lines) {
        int n = lines.size();
        while (n > 0 && lines.get(n - 1).isBlank()) {
            n--;
        }
        return lines.subList(0, n);
    }

    /** Splits a command line like a POSIX shell without expansions: single and double quotes, backslash escapes. */
    public static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < command.length()) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote in: " + command);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
