package io.github.nsglint.core.report;

import io.github.nsglint.core.load.LoadDiagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a run: findings in {@link Finding#DEFAULT_ORDER}, the loader's diagnostics (unreadable files are
 * errors), the files linted and the rules that ran. Immutable.
 */
public record Report(List<Finding> findings, List<LoadDiagnostic> diagnostics, List<String> files,
        List<RuleMetadata> rules) {

    public Report {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.DEFAULT_ORDER);
        findings = List.copyOf(sorted);
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
        rules = List.copyOf(rules);
    }

    /** Whether an input could not be read (exit code 2). */
    public boolean hasInputErrors() {
        return diagnostics.stream().anyMatch(d -> d.level() == LoadDiagnostic.Level.ERROR);
    }

    /** Findings at or above a severity. */
    public long countAtLeast(Severity threshold) {
        return findings.stream().filter(f -> f.severity().atLeast(threshold)).count();
    }
}
