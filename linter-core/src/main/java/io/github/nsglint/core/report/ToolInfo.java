package io.github.nsglint.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Who made a report: the tool's name, version (from the build) and home page. */
public final class ToolInfo {

    public static final String NAME = "nsglint";
    public static final String INFORMATION_URI = "https://github.com/nsglint/nsglint";
    public static final String VERSION = readVersion();

    private ToolInfo() {
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream("/io/github/nsglint/core/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "0.0.0");
    }

    /** The release without a pre-release suffix such as -SNAPSHOT, for SARIF's semantic version. */
    public static String semanticVersion() {
        return VERSION.replace("-SNAPSHOT", "");
    }
}
