package dev.failscope.ui.viewmodel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the "compare with a git revision" dialog offers: whether the loaded paths are in a git work tree, and
 * its branches and recent commits. Runs {@code git} read-only; a missing git or a slow one means no
 * suggestions, never an exception.
 */
public final class GitRevisions {
    private static final long TIMEOUT_SECONDS = 20;

    private GitRevisions() {}

    /**
     * A revision to offer.
     *
     * @param name        what to pass to git: a branch name or an abbreviated commit hash
     * @param description words beside it: "branch", or the commit's subject and age
     */
    public record Revision(String name, String description) {
        public Revision {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }

        @Override
        public String toString() {
            return description.isEmpty() ? name : name + "  —  " + description;
        }
    }

    /** The directory to run git in for these paths, when the first one is inside a git work tree. */
    public static Optional<Path> repository(List<String> paths) {
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        Path p = Path.of(paths.get(0)).toAbsolutePath().normalize();
        Path dir = Files.isDirectory(p) ? p : p.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return git(dir, "rev-parse", "--is-inside-work-tree").filter(out -> out.strip().equals("true"))
                .map(out -> dir);
    }

    /** Local and remote branches (most recently committed first), then the latest {@code commits} commits. */
    public static List<Revision> recent(Path dir, int commits) {
        List<Revision> out = new ArrayList<>();
        git(dir, "for-each-ref", "--count=20", "--sort=-committerdate", "--format=%(refname:short)",
                "refs/heads", "refs/remotes").ifPresent(text -> text.lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.endsWith("/HEAD"))
                        .forEach(l -> out.add(new Revision(l, "branch"))));
        git(dir, "log", "-n", Integer.toString(commits), "--format=%h%x09%s (%cr)").ifPresent(text -> text.lines()
                .filter(l -> l.indexOf('\t') > 0)
                .forEach(l -> out.add(new Revision(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1)))));
        return out;
    }

    private static Optional<String> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine: no suggestions
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
