package io.github.nsglint.core.engine;

import io.github.nsglint.core.flow.FlowEngine;
import io.github.nsglint.core.load.LoadResult;
import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
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
        LoadResult loaded = new ModelLoader().load(request.inputs(), request.parametersOrNull());
        Topology topology = Topology.of(loaded.model(), request.targets());
        FlowEngine engine = FlowEngine.of(topology, request.serviceTags());
        EvalContext context = new EvalContext(loaded.model(), topology, engine, catalog.bastionRuleSet());
        List<Finding> findings = new ArrayList<>();
        for (Policy p : catalog.policies()) {
            findings.addAll(PolicyRunner.run(p, context));
        }
        return new Report(findings, loaded.diagnostics(), loaded.loadedFiles(), catalog.rules());
    }
}
