package io.github.nsglint.core.engine;

import io.github.nsglint.core.config.ConfiguredSuppression;
import io.github.nsglint.core.flow.FlowEngine;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.LoadProgress;
import io.github.nsglint.core.load.LoadResult;
import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.fix.FixPlanner;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.RuleEvaluation;
import io.github.nsglint.core.report.ScanInfo;
import io.github.nsglint.core.report.ToolInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.github.nsglint.core.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The engine's one entry point: load the inputs, find the separate networks in them, run every rule over each
 * network, merge and report. Bad rule files throw {@link RuleLoadException} before anything is linted; unreadable
 * inputs are error diagnostics in the report, and the rest is still linted.
 */
public final class Linter {

    private Linter() {
    }

    /**
     * Starts, on a background thread, the set-up every lint needs whatever it is asked: the template
     * evaluator's function table, then the built-in rule catalog. For programs that have something else to do
     * first (a command line to parse); a later {@link #run} uses what is ready, waits for what is in progress and
     * does the rest itself.
     */
    public static void prefetch() {
        Thread t = new Thread(() -> {
            ModelLoader.prepare();
            RuleCatalog.compileBuiltIns();
        }, "nsglint-prefetch");
        t.setDaemon(true);
        t.start();
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
        LocalDate today = LocalDate.ofInstant(started, ZoneOffset.UTC);
        ModelLoader loader = new ModelLoader(request.needs().digests());
        Catalog catalog = new Catalog(pendingCatalog, request);
        // In a big estate, a template that stands alone is judged as soon as it is read, not read again later.
        Map<Path, Judged> judgedAlone = new ConcurrentHashMap<>();
        LoadResult loaded = loader.load(request.inputs(), request.parametersOrNull(), request.parameterPairs(),
                progress, (file, network) -> judgedAlone.put(file, judge(network.component(), catalog.get().rules(),
                        request, catalog.get().ids(), today, network.diagnostics()).withoutTopology()));
        RuleCatalog rules = catalog.get().rules();
        Set<String> ids = catalog.get().ids();
        List<LoadDiagnostic> configurationErrors = catalog.get().errors();
        boolean streamed = !loaded.deferred().isEmpty();
        List<LoadResult.Component> parts = loaded.components().isEmpty() && !streamed
                ? List.of(new LoadResult.Component(loaded.model(), List.of())) : loaded.components();
        int count = streamed ? loaded.deferred().size() : parts.size();
        // Separate networks are judged separately, in parallel: each has its own topology, flow engine and tag
        // atoms, so nothing is shared between threads; the results are merged in component order. A big estate's
        // networks are built here, one per task, and dropped once judged.
        List<Judged> judged = IntStream.range(0, count).parallel()
                .mapToObj(i -> {
                    if (!streamed) {
                        return judge(parts.get(i), rules, request, ids, today, List.of());
                    }
                    List<Path> files = loaded.deferred().get(i);
                    Judged alone = files.size() == 1 ? judgedAlone.get(files.get(0)) : null;
                    if (alone != null) {
                        return alone; // its network is the file alone, as when it was judged
                    }
                    LoadResult.Built b = loader.build(files, request.parametersOrNull(), request.parameterPairs());
                    return judge(b.component(), rules, request, ids, today, b.diagnostics()).withoutTopology();
                })
                .toList();
        List<Finding> findings = new ArrayList<>();
        List<RuleEvaluation> evaluations = new ArrayList<>();
        List<LoadDiagnostic> networkNotes = new ArrayList<>();
        for (int k = 0; k < rules.policies().size(); k++) {
            List<RuleEvaluation.Subject> subjects = new ArrayList<>();
            for (Judged j : judged) {
                findings.addAll(j.findings().get(k));
                subjects.addAll(j.evaluations().get(k).subjects());
            }
            evaluations.add(new RuleEvaluation(rules.policies().get(k).metadata(), subjects));
        }
        judged.forEach(j -> networkNotes.addAll(j.diagnostics()));
        Topology topology = judged.size() == 1 && !streamed ? judged.get(0).topology()
                : Topology.of(loaded.model(), request.targets(), request.bastionPorts());
        if (streamed) {
            networkNotes.add(streamedNote(loaded, count));
        }
        // The configuration's suppressions are the project's, over every network at once.
        Suppressions.Applied applied = Suppressions.apply(findings, List.of(), request.suppressions(), ids, today);
        List<LoadDiagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        diagnostics.addAll(networkNotes);
        diagnostics.addAll(applied.diagnostics());
        Instant finished = clock.instant();
        String catalogVersion = request.needs().digests() ? rules.version() : "";
        ScanInfo scan = new ScanInfo(ToolInfo.VERSION, catalogVersion, started, finished,
                request.sourceRoot().toString(), loaded.files().stream()
                .map(f -> new ScanInfo.ScannedFile(f.name(), f.bytes(), f.sha256())).toList());
        Report report = new Report(scan, rules.rules(), evaluations, applied.findings(), List.of(), List.of(),
                diagnostics, configurationErrors, loaded.model(), topology);
        return streamed || !request.needs().fixes() ? report : FixPlanner.plan(report);
    }

    /** The catalog as configured for the request, the IDs of every rule, and what configuring it found wrong. */
    private record Configured(RuleCatalog rules, Set<String> ids, List<LoadDiagnostic> errors) {
    }

    /**
     * The configured catalog, made once when first needed: after loading for a normal run (so that a catalog still
     * compiling overlaps the loading), during loading when a big estate's templates are judged as they are read.
     */
    private static final class Catalog {
        private final Supplier<RuleCatalog> pending;
        private final LintRequest request;
        private Configured configured;

        Catalog(Supplier<RuleCatalog> pending, LintRequest request) {
            this.pending = pending;
            this.request = request;
        }

        synchronized Configured get() {
            if (configured == null) {
                RuleCatalog catalog = pending.get();
                RuleCatalog.Configured c = catalog.configure(request.ruleSettings());
                List<LoadDiagnostic> found = new ArrayList<>(c.errors());
                for (ConfiguredSuppression s : request.suppressions()) {
                    if (catalog.policy(s.rule()).isEmpty()) {
                        found.add(catalog.unknownRule(s.rule(), s.location()));
                    }
                }
                Set<String> ids = new HashSet<>();
                catalog.rules().forEach(r -> ids.add(r.id().toUpperCase(Locale.ROOT)));
                configured = new Configured(c.catalog(), Set.copyOf(ids), List.copyOf(found));
            }
            return configured;
        }
    }

    /** One network judged: findings per policy (in catalog order), what each policy looked at, notes. */
    private record Judged(List<List<Finding>> findings, List<RuleEvaluation> evaluations,
            List<LoadDiagnostic> diagnostics, Topology topology) {
        /** Without the topology, which holds the whole network: kept only while it is needed. */
        Judged withoutTopology() {
            return new Judged(findings, evaluations, diagnostics, null);
        }
    }

    /** Runs every policy over one network, with the suppressions written in its templates. */
    private static Judged judge(LoadResult.Component part, RuleCatalog rules, LintRequest request, Set<String> ids,
            LocalDate today, List<LoadDiagnostic> built) {
        Topology topology = Topology.of(part.model(), request.targets(), request.bastionPorts());
        FlowEngine engine = FlowEngine.of(topology, request.serviceTags());
        EvalContext context = new EvalContext(part.model(), topology, engine, rules.bastionRuleSet(),
                request.internetWidth());
        List<Finding> all = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<RuleEvaluation> evaluations = new ArrayList<>();
        for (Policy p : rules.policies()) {
            PolicyRunner.Outcome outcome = PolicyRunner.run(p, context);
            all.addAll(outcome.findings());
            counts.add(outcome.findings().size());
            evaluations.add(outcome.evaluation());
        }
        Suppressions.Applied inline = Suppressions.apply(all, part.suppressions(), List.of(), ids, today);
        List<List<Finding>> perPolicy = new ArrayList<>();
        int at = 0;
        for (int n : counts) {
            perPolicy.add(inline.findings().subList(at, at + n));
            at += n;
        }
        List<LoadDiagnostic> notes = new ArrayList<>(built);
        notes.addAll(inline.diagnostics());
        return new Judged(perPolicy, evaluations, notes, topology);
    }

    /** What every report of a big estate says: what it lacks, and why. */
    private static LoadDiagnostic streamedNote(LoadResult loaded, int networks) {
        String where = loaded.files().isEmpty() ? "nsglint" : loaded.files().get(0).name();
        return new LoadDiagnostic(LoadDiagnostic.Level.NOTE, SourceLocation.caret(where, 1, 1), String.format(
                Locale.ROOT, "%,d networks in more than %,d MiB of input were judged one at a time to bound memory:"
                        + " the reports carry their findings, but no network model (the HTML report draws no"
                        + " topology) and no fixes", networks, ModelLoader.streamAboveBytes() >> 20));
    }
}
