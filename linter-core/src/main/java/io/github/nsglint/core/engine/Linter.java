package io.github.nsglint.core.engine;

import io.github.nsglint.core.config.ConfiguredSuppression;
import io.github.nsglint.core.flow.FlowEngine;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.LoadProgress;
import io.github.nsglint.core.load.LoadResult;
import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.fix.FixPlanner;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.RuleEvaluation;
import io.github.nsglint.core.report.ScanInfo;
import io.github.nsglint.core.report.ToolInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.github.nsglint.core.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The engine's one entry point: load the inputs into one model, compile the rules, run every rule, report.
 * Bad rule files throw {@link RuleLoadException} before anything is linted; unreadable inputs are error
 * diagnostics in the report, and the rest is still linted.
 */
public final class Linter {

    private Linter() {
    }

    public static Report run(LintRequest request) {
        RuleCatalog catalog = RuleCatalog.load(request.ruleFiles(), request.bastionRuleSet());
        return run(request, catalog);
    }

    public static Report run(LintRequest request, RuleCatalog catalog) {
        return run(request, catalog, Clock.systemUTC());
    }

    /**
     * Runs with a clock, so tests can fix the report's times; the clock's date also decides which configured
     * suppressions have expired.
     */
    public static Report run(LintRequest request, RuleCatalog catalog, Clock clock) {
        return run(request, catalog, clock, LoadProgress.NONE);
    }

    /** Runs and tells {@code progress} as each input file is loaded (from the loading threads). */
    public static Report run(LintRequest request, RuleCatalog catalog, Clock clock, LoadProgress progress) {
        return run(request, () -> catalog, clock, progress);
    }

    /**
     * Runs with a catalog that may still be compiling: the inputs are loaded first and the catalog is asked for
     * only then, so a caller that compiles it on another thread overlaps the two (most of a cold start).
     */
    public static Report run(LintRequest request, Supplier<RuleCatalog> pendingCatalog, Clock clock,
            LoadProgress progress) {
        Instant started = clock.instant();
        LoadResult loaded = new ModelLoader().load(request.inputs(), request.parametersOrNull(), request.parameterPairs(),
                progress);
        RuleCatalog catalog = pendingCatalog.get();
        RuleCatalog.Configured configured = catalog.configure(request.ruleSettings());
        List<LoadDiagnostic> configurationErrors = new ArrayList<>(configured.errors());
        for (ConfiguredSuppression s : request.suppressions()) {
            if (catalog.policy(s.rule()).isEmpty()) {
                configurationErrors.add(catalog.unknownRule(s.rule(), s.location()));
            }
        }
        RuleCatalog rules = configured.catalog();
        Topology topology = Topology.of(loaded.model(), request.targets());
        FlowEngine engine = FlowEngine.of(topology, request.serviceTags());
        EvalContext context = new EvalContext(loaded.model(), topology, engine, rules.bastionRuleSet());
        List<Finding> findings = new ArrayList<>();
        List<RuleEvaluation> evaluations = new ArrayList<>();
        for (Policy p : rules.policies()) {
            PolicyRunner.Outcome outcome = PolicyRunner.run(p, context);
            findings.addAll(outcome.findings());
            evaluations.add(outcome.evaluation());
        }
        Set<String> ids = new HashSet<>();
        catalog.rules().forEach(r -> ids.add(r.id().toUpperCase(Locale.ROOT)));
        Suppressions.Applied applied = Suppressions.apply(findings, loaded.suppressions(), request.suppressions(), ids,
                LocalDate.ofInstant(started, ZoneOffset.UTC));
        List<LoadDiagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        diagnostics.addAll(applied.diagnostics());
        Instant finished = clock.instant();
        ScanInfo scan = new ScanInfo(ToolInfo.VERSION, rules.version(), started, finished,
                request.sourceRoot().toString(), loaded.files().stream()
                .map(f -> new ScanInfo.ScannedFile(f.name(), f.bytes(), f.sha256())).toList());
        Report report = new Report(scan, rules.rules(), evaluations, applied.findings(), List.of(), List.of(),
                diagnostics, configurationErrors, loaded.model(), topology);
        return FixPlanner.plan(report);
    }
}
