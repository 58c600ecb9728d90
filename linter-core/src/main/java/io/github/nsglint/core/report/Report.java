package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.topology.TargetMode;
import io.github.nsglint.core.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a run, everything a reporter needs and nothing it must compute from the inputs again: what was
 * scanned, the rules and what each was checked against, the findings in {@link Finding#DEFAULT_ORDER}
 * (suppressed ones included, marked), the fixes, the baseline's findings that are gone, the loader's
 * diagnostics (unreadable files are errors) and the model and topology the rules judged. Immutable.
 */
public record Report(ScanInfo scan, List<RuleMetadata> rules, List<RuleEvaluation> evaluations,
        List<Finding> findings, List<Fix> fixes, List<AbsentResult> absent, List<LoadDiagnostic> diagnostics,
        List<LoadDiagnostic> configurationErrors, NetworkModel model, Topology topology) {

    public Report {
        requireNonNull(scan, "scan is null");
        rules = List.copyOf(rules);
        evaluations = List.copyOf(evaluations);
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.DEFAULT_ORDER);
        findings = List.copyOf(sorted);
        fixes = List.copyOf(fixes);
        absent = List.copyOf(absent);
        diagnostics = List.copyOf(diagnostics);
        configurationErrors = List.copyOf(configurationErrors);
        requireNonNull(model, "model is null");
        requireNonNull(topology, "topology is null");
    }

    /** The files that were read, as given. */
    public List<String> files() {
        return scan.files().stream().map(ScanInfo.ScannedFile::path).toList();
    }

    /**
     * A run that linted nothing because its rules or configuration are invalid: the errors, to report in every
     * format (SARIF's tool configuration notifications).
     */
    public static Report configurationFailed(ScanInfo scan, List<LoadDiagnostic> errors) {
        return new Report(scan, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), errors,
                NetworkModel.EMPTY, Topology.of(NetworkModel.EMPTY, TargetMode.SUBNETS_WITH_NICS));
    }

    /** Whether an input, a rule file or the configuration could not be read (exit code 2). */
    public boolean hasInputErrors() {
        return !configurationErrors.isEmpty()
                || diagnostics.stream().anyMatch(d -> d.level() == LoadDiagnostic.Level.ERROR);
    }

    /** Findings that fail a gate at {@code threshold}: severe enough, not suppressed, new against a baseline. */
    public long countFailing(Severity threshold) {
        return findings.stream().filter(f -> f.failsAt(threshold)).count();
    }

    /** Whether the run was compared with a baseline. */
    public boolean hasBaseline() {
        return findings.stream().anyMatch(f -> f.baseline() != null) || !absent.isEmpty();
    }

    /**
     * Each finding's fingerprint, unique within the report: a second finding with the same resource, rule and
     * anchor gets {@code :1} appended, and so on, in report order.
     */
    public List<String> fingerprints() {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String base = f.fingerprint();
            int n = seen.merge(base, 1, Integer::sum) - 1;
            out.add(n == 0 ? base : base + ":" + n);
        }
        return out;
    }

    /** The fix for the finding with this fingerprint, if there is one. */
    public Optional<Fix> fixFor(String fingerprint) {
        return fixes.stream().filter(x -> x.fixes().contains(fingerprint)).findFirst();
    }

    /** A report with other findings (suppressed, compared with a baseline) and the baseline's absent results. */
    public Report withFindings(List<Finding> newFindings, List<AbsentResult> newAbsent) {
        return new Report(scan, rules, evaluations, newFindings, fixes, newAbsent, diagnostics, configurationErrors,
                model, topology);
    }

    /**
     * The report of only the rules {@code keep} accepts ({@code --rule}, {@code --skip-rule}): their metadata,
     * evaluations, findings, absent results, and the fixes of the findings kept.
     */
    public Report onlyRules(java.util.function.Predicate<String> keep) {
        List<Finding> kept = findings.stream().filter(f -> keep.test(f.rule().id())).toList();
        Report narrowed = new Report(scan, rules.stream().filter(r -> keep.test(r.id())).toList(),
                evaluations.stream().filter(e -> keep.test(e.rule().id())).toList(), kept, List.of(),
                absent.stream().filter(a -> keep.test(a.ruleId())).toList(), diagnostics, configurationErrors, model,
                topology);
        java.util.Set<String> prints = new java.util.HashSet<>(narrowed.fingerprints());
        List<Fix> keptFixes = fixes.stream().filter(x -> x.fixes().stream().anyMatch(prints::contains)).toList();
        return new Report(scan, narrowed.rules, narrowed.evaluations, kept, keptFixes, narrowed.absent, diagnostics,
                configurationErrors, model, topology);
    }

    /** A report with more configuration errors (configuration file, rule files, baseline) before its own. */
    public Report withConfigurationErrors(List<LoadDiagnostic> errors) {
        if (errors.isEmpty()) {
            return this;
        }
        List<LoadDiagnostic> all = new ArrayList<>(errors);
        all.addAll(configurationErrors);
        return new Report(scan, rules, evaluations, findings, fixes, absent, diagnostics, all, model, topology);
    }
}
