package io.github.nsglint.cli;

import io.github.nsglint.core.report.ToolInfo;
import picocli.CommandLine;

/** {@code nsglint --version}: the version from the build, and the Java runtime. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"nsglint " + version(), "Java " + Runtime.version()};
    }

    public static String version() {
        return ToolInfo.VERSION;
    }
}
