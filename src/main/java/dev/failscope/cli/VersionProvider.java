package dev.failscope.cli;

import dev.failscope.report.ToolInfo;
import picocli.CommandLine;

/** {@code failscope --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"failscope " + ToolInfo.version() + ToolInfo.commit().map(c -> " (" + c + ")").orElse("")};
    }
}
