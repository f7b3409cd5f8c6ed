package dev.failscope.bench;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.ObjectName;

/**
 * What the heap holds after {@code check}'s inspection of a fleet, while the inspection (topology, findings) is
 * still alive: the JVM's class histogram of live objects (the same as {@code jcmd PID GC.class_histogram}, which
 * runs a full GC first), its top rows and its total. Not a test: Surefire never runs it.
 *
 * <p>Run: {@code java -cp target/test-classes:target/failscope.jar dev.failscope.bench.HeapHistogram DIR [ROWS]}.
 */
public final class HeapHistogram {
    private HeapHistogram() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Inspection inspection = new Inspector().inspect(List.of(args[0]));
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        String[] lines = histogram.split("\n");
        for (int i = 0; i < Math.min(lines.length, rows + 2); i++) {
            System.out.println(lines[i]);
        }
        System.out.println(lines[lines.length - 1]);
        System.out.println(inspection.topology().servers().size() + " servers, " + inspection.findings().size()
                + " findings");
    }
}
