package io.github.nsglint.core.engine;

import io.github.nsglint.core.flow.FlowEngine;
import io.github.nsglint.core.load.LoadResult;
import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.fix.FixPlanner;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.RuleEvaluation;
import io.github.nsglint.core.report.ScanInfo;
import io.github.nsglint.core.report.ToolInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import io.github.nsglint.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;

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

    /** Runs with a clock, so tests can fix the report's times. */
    public static Report run(LintRequest request, RuleCatalog catalog, Clock clock) {
        Instant started = clock.instant();
        LoadResult loaded = new ModelLoader().load(request.inputs(), request.parametersOrNull());
        Topology topology = Topology.of(loaded.model(), request.targets());
        FlowEngine engine = FlowEngine.of(topology, request.serviceTags());
        EvalContext context = new EvalContext(loaded.model(), topology, engine, catalog.bastionRuleSet());
        List<Finding> findings = new ArrayList<>();
        List<RuleEvaluation> evaluations = new ArrayList<>();
        for (Policy p : catalog.policies()) {
            PolicyRunner.Outcome outcome = PolicyRunner.run(p, context);
            findings.addAll(outcome.findings());
            evaluations.add(outcome.evaluation());
        }
        Instant finished = clock.instant();
        ScanInfo scan = new ScanInfo(ToolInfo.VERSION, catalog.version(), started, finished,
                request.sourceRoot().toString(), scanned(loaded.loadedFiles()));
        Report report = new Report(scan, catalog.rules(), evaluations, findings, List.of(), List.of(),
                loaded.diagnostics(), List.of(), loaded.model(), topology);
        return FixPlanner.plan(report);
    }

    private static List<ScanInfo.ScannedFile> scanned(List<String> files) {
        List<ScanInfo.ScannedFile> out = new ArrayList<>();
        for (String f : files) {
            try {
                byte[] bytes = Files.readAllBytes(Path.of(f));
                out.add(new ScanInfo.ScannedFile(f, bytes.length,
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
            } catch (IOException | InvalidPathException e) {
                out.add(new ScanInfo.ScannedFile(f, 0, "")); // read a moment ago; the loader reported any error
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
        return out;
    }
}
