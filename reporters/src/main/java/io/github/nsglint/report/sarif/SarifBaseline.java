package io.github.nsglint.report.sarif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nsglint.core.files.InputFiles;
import io.github.nsglint.core.report.AbsentResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the findings of a SARIF file nsglint wrote earlier (the baseline). Results the baseline itself marked
 * absent are not findings any more and are skipped. A file that is not such a SARIF log is an error with a
 * reason, never an empty baseline: that would mark every finding new, or worse, hide that the file is wrong.
 */
public final class SarifBaseline {

    private SarifBaseline() {
    }

    /** Thrown when the baseline cannot be used. */
    public static final class BaselineException extends Exception {
        private static final long serialVersionUID = 1L;

        BaselineException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The report compared with the baseline at {@code previousOrNull} (nothing to compare: the report as it is).
     * The command line and the Maven plugin both do it this way: a report whose inputs could not all be read is not
     * compared, and an unreadable baseline is a configuration error of the run, at its file.
     */
    public static io.github.nsglint.core.report.Report compare(io.github.nsglint.core.report.Report report,
            Path previousOrNull) {
        if (previousOrNull == null || report.hasInputErrors()) {
            return report;
        }
        try {
            return io.github.nsglint.core.report.Baseline.compare(report, read(previousOrNull));
        } catch (BaselineException e) {
            return report.withConfigurationErrors(List.of(new io.github.nsglint.core.load.LoadDiagnostic(
                    io.github.nsglint.core.load.LoadDiagnostic.Level.ERROR,
                    io.github.nsglint.core.model.SourceLocation.caret(previousOrNull.toString(), 1, 1),
                    e.getMessage())));
        }
    }

    /** A baseline of tens of thousands of results is tens of megabytes; a device or FIFO is refused. */
    static final long MAX_BASELINE_BYTES = 256L * 1024 * 1024;

    public static List<AbsentResult> read(Path file) throws BaselineException {
        JsonNode log;
        try {
            log = new ObjectMapper().readTree(InputFiles.read(file, MAX_BASELINE_BYTES));
        } catch (JsonProcessingException e) {
            throw new BaselineException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": the baseline is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BaselineException(file + ": cannot read the baseline: " + e.getMessage(), e);
        }
        if (log == null || !"2.1.0".equals(log.path("version").asText()) || !log.path("runs").isArray()) {
            throw new BaselineException(file + ": the baseline is not a SARIF 2.1.0 log", null);
        }
        List<AbsentResult> out = new ArrayList<>();
        for (JsonNode run : log.get("runs")) {
            if (!"nsglint".equals(run.at("/tool/driver/name").asText())) {
                continue;
            }
            for (JsonNode r : run.path("results")) {
                if ("absent".equals(r.path("baselineState").asText())) {
                    continue;
                }
                String print = r.path("partialFingerprints").path(SarifReporter.FINGERPRINT_KEY).asText("");
                if (print.isEmpty()) {
                    throw new BaselineException(file + ": a result of rule " + r.path("ruleId").asText("?")
                            + " has no " + SarifReporter.FINGERPRINT_KEY + " fingerprint; write the baseline with"
                            + " nsglint --format sarif", null);
                }
                JsonNode loc = r.at("/locations/0/physicalLocation");
                out.add(new AbsentResult(r.path("ruleId").asText(), r.path("level").asText("warning"),
                        r.at("/message/text").asText(), loc.at("/artifactLocation/uri").asText(""),
                        Math.max(1, loc.at("/region/startLine").asInt(1)),
                        Math.max(1, loc.at("/region/startColumn").asInt(1)), print));
            }
        }
        return out;
    }
}
