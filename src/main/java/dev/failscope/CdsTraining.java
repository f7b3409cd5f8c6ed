package dev.failscope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training run of the Application Class-Data Sharing archive (pom.xml, profile {@code launcher};
 * docs/performance.md, "Start-up"): runs several command lines in one process, so that the class list the JVM
 * dumps at exit holds what {@code check}, {@code simulate}, {@code sweep}, {@code diff} and the reports load.
 * The arguments are command lines separated by a lone {@code ;}. Prints each command's exit code; never fails.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) {
        for (List<String> command : commands(args)) {
            String[] line = command.toArray(String[]::new);
            Relaunch.ifWorthIt(line, Relaunch.batchInputBytes(line)); // its class: every start asks it (small here)
            System.out.println("# " + String.join(" ", command) + " -> " + Launcher.run(line));
        }
        System.out.flush();
    }

    static List<List<String>> commands(String[] args) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : Arrays.asList(args)) {
            if (arg.equals(";")) {
                if (!current.isEmpty()) {
                    commands.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }
}
