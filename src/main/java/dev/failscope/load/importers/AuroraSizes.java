package dev.failscope.load.importers;

import java.util.List;

/** The size order of RDS instance classes ({@code db.r6g.2xlarge}): what Aurora compares within a tier. */
final class AuroraSizes {
    private static final List<String> ORDER = List.of("micro", "small", "medium", "large", "xlarge");

    private AuroraSizes() {}

    /** A rank growing with size; 0 when unknown (serverless, or not written). */
    static int rank(String instanceClass) {
        String size = instanceClass.substring(instanceClass.lastIndexOf('.') + 1);
        int i = ORDER.indexOf(size);
        if (i >= 0) {
            return i + 1;
        }
        if (size.matches("\\d{1,3}xlarge")) {
            return ORDER.size() + Integer.parseInt(size.substring(0, size.length() - 6));
        }
        return 0;
    }
}
