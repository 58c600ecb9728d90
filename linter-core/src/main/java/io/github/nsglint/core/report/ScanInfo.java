package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What a run scanned and with what: the files with their SHA-256, when the run started and ended, the tool
 * version and the version of the rules that ran (the tool version and a digest of every rule source, so a
 * changed custom rule shows).
 *
 * @param root the working directory of the run: relative paths are relative to it, and SARIF's {@code %SRCROOT%}
 */
public record ScanInfo(String toolVersion, String catalogVersion, Instant started, Instant finished, String root,
        List<ScannedFile> files) {

    public ScanInfo {
        requireNonNull(toolVersion, "toolVersion is null");
        requireNonNull(catalogVersion, "catalogVersion is null");
        requireNonNull(started, "started is null");
        requireNonNull(finished, "finished is null");
        requireNonNull(root, "root is null");
        files = List.copyOf(files);
    }

    /** One input file: its path as given, its size and SHA-256 (hex), or an empty digest if it was unreadable. */
    public record ScannedFile(String path, long bytes, String sha256) {
        public ScannedFile {
            requireNonNull(path, "path is null");
            requireNonNull(sha256, "sha256 is null");
        }
    }
}
