package dev.failscope.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/** Name, version and commit of this build, from {@code failscope-version.properties}. */
public final class ToolInfo {
    private static final Properties PROPS = load();

    private ToolInfo() {}

    public static String name() {
        return "failscope";
    }

    public static String version() {
        return PROPS.getProperty("version", "dev");
    }

    public static Optional<String> commit() {
        String c = PROPS.getProperty("commit", "");
        return c.isBlank() || c.startsWith("${") ? Optional.empty() : Optional.of(c);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream("/dev/failscope/failscope-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // keep defaults: version "dev"
        }
        return p;
    }
}
