package io.github.nsglint.core.engine;

import io.github.nsglint.core.config.RuleSetting;
import io.github.nsglint.core.files.FolderWalk;
import io.github.nsglint.core.files.InputFileException;
import io.github.nsglint.core.files.InputFiles;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.RuleMetadata;
import io.github.nsglint.core.report.ToolInfo;
import io.github.nsglint.grammar.parser.RuleError;
import io.github.nsglint.grammar.parser.RuleParser;
import io.github.nsglint.grammar.parser.RuleSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of a run: the built-in catalog (rules/*.nsgl, packaged with linter-core and listed in its index) and
 * the user's rule files, each compiled once. A rule ID may be declared once per Bastion rule set; the chosen set
 * ({@code current} by default, or {@code bastion-2020}) decides which declaration runs.
 */
public final class RuleCatalog {

    /** The Bastion rule sets: the current eight required flows, or the older four of 2019-2020 guidance. */
    public static final List<String> BASTION_RULE_SETS = List.of("current", "bastion-2020");

    /** How built-in rule files are named in messages and reports. */
    static final String BUILT_IN_PREFIX = "rules/";

    private static final String RESOURCES = "/io/github/nsglint/rules/";
    private static final String INDEX = RESOURCES + "index.txt";

    private final List<Policy> policies;
    private final String bastionRuleSet;
    private final Version version;

    private RuleCatalog(List<Policy> policies, String bastionRuleSet, Version version) {
        this.policies = List.copyOf(policies);
        this.bastionRuleSet = bastionRuleSet;
        this.version = version;
    }

    /**
     * Compiles the built-in catalog and {@code userRules} (files or folders of *.nsgl). Every error of every file
     * is collected; if there is any, a {@link RuleLoadException} names them all.
     */
    public static RuleCatalog load(List<Path> userRules, String bastionRuleSet) {
        List<RuleError> unreadable = new ArrayList<>();
        Map<String, String> sources = sources(userRules, bastionRuleSet, unreadable);
        if (!unreadable.isEmpty()) {
            throw new RuleLoadException(unreadable, Map.of());
        }
        return compile(sources, bastionRuleSet);
    }

    /**
     * Like {@link #load}, but a rule file with errors is left out and the others still compile; the exception,
     * if any, names every error. The built-in catalog always compiles, so a gate keeps checking it while a
     * broken custom rule is reported (and the run fails with bad input).
     */
    public static Partial loadValid(List<Path> userRules, String bastionRuleSet) {
        List<RuleError> unreadable = new ArrayList<>();
        Map<String, String> sources = sources(userRules, bastionRuleSet, unreadable);
        Map<String, String> valid = new LinkedHashMap<>(sources);
        List<RuleError> errors = new ArrayList<>(unreadable);
        while (true) {
            try {
                RuleCatalog catalog = compile(valid, bastionRuleSet);
                return new Partial(catalog, errors.isEmpty() ? null : new RuleLoadException(errors, sources));
            } catch (RuleLoadException e) {
                errors.addAll(e.errors());
                boolean dropped = false;
                for (RuleError err : e.errors()) {
                    dropped |= !isBuiltIn(err.sourceName(), valid.get(err.sourceName()))
                            && valid.remove(err.sourceName()) != null;
                }
                if (!dropped) {
                    throw e; // an error in the built-in catalog: nothing sensible to fall back to
                }
            }
        }
    }

    /** A catalog compiled from the valid rule files, and the errors of the others (null when there were none). */
    public record Partial(RuleCatalog catalog, RuleLoadException errors) {
    }

    /** The built-in catalog's sources and the user's; an unreadable user file is added to {@code unreadable}. */
    private static Map<String, String> sources(List<Path> userRules, String bastionRuleSet,
            List<RuleError> unreadable) {
        if (!BASTION_RULE_SETS.contains(bastionRuleSet)) {
            throw new IllegalArgumentException("unknown Bastion rule set '" + bastionRuleSet + "'; known: "
                    + BASTION_RULE_SETS);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : builtInNames()) {
            sources.put(BUILT_IN_PREFIX + name, resource(name));
        }
        for (Path p : userRules) {
            if (!Files.exists(p)) {
                unreadable.add(new RuleError(p.toString(), 1, 1, "no such rule file or folder"));
                continue;
            }
            for (Path f : ruleFiles(p, unreadable)) {
                try {
                    sources.put(f.toString(), InputFiles.readUtf8(f, MAX_RULE_FILE_BYTES));
                } catch (InputFileException e) {
                    unreadable.add(new RuleError(f.toString(), 1, 1, e.getMessage()));
                }
            }
        }
        return sources;
    }

    /** Compiles rule sources given as text, by name; for tests and embedding. */
    public static RuleCatalog compile(Map<String, String> sources, String bastionRuleSet) {
        List<RuleError> errors = new ArrayList<>();
        List<Policy> policies = new ArrayList<>();
        Map<String, Policy> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> s : sources.entrySet()) {
            try {
                PolicyCompiler.Result r = compileFile(s.getKey(), s.getValue());
                errors.addAll(r.errors());
                for (Policy p : r.policies()) {
                    String key = p.metadata().id() + "|" + p.metadata().ruleSet();
                    Policy earlier = seen.putIfAbsent(key, p);
                    if (earlier != null) {
                        errors.add(new RuleError(s.getKey(), line(p), 1, "rule " + p.metadata().id()
                                + " is already declared at " + earlier.metadata().source()));
                    } else {
                        policies.add(p);
                    }
                }
            } catch (RuleSyntaxException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleLoadException(errors, sources);
        }
        List<Policy> active = new ArrayList<>();
        for (Policy p : policies) {
            String set = p.metadata().ruleSet();
            if (set.isEmpty() || set.equals(bastionRuleSet)) {
                active.add(p);
            }
        }
        return new RuleCatalog(active, bastionRuleSet, new Version(new LinkedHashMap<>(sources), bastionRuleSet));
    }

    /**
     * The tool version, the Bastion rule set and a digest of every rule source: two reports with the same
     * catalog version judged by the same rules, and a changed custom rule changes it.
     */
    private static String version(Map<String, String> sources, String bastionRuleSet) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> s : sources.entrySet()) {
                sha.update((s.getKey() + "\n" + s.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return ToolInfo.VERSION + "+" + bastionRuleSet + "." + HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** See {@link #version(Map, String)}, e.g. {@code 0.1.0-SNAPSHOT+current.3fa2b1c09d4e}. */
    public String version() {
        return version.get();
    }

    /**
     * The catalog's version, digested when first asked for: only the reports that show it ask (a cold SHA-256 is
     * ~18 ms of a one-file run), and a configured copy of the catalog shares it.
     */
    private static final class Version {
        private final Map<String, String> sources;
        private final String bastionRuleSet;
        private String digested;

        Version(Map<String, String> sources, String bastionRuleSet) {
            this.sources = sources;
            this.bastionRuleSet = bastionRuleSet;
        }

        synchronized String get() {
            if (digested == null) {
                digested = version(sources, bastionRuleSet);
            }
            return digested;
        }
    }

    private static int line(Policy p) {
        String s = p.metadata().source();
        return Integer.parseInt(s.substring(s.lastIndexOf(':') + 1));
    }

    /** The catalog as a project configured it, and the settings that name no rule of it (errors). */
    public record Configured(RuleCatalog catalog, List<LoadDiagnostic> errors) {
        public Configured {
            errors = List.copyOf(errors);
        }
    }

    /** This catalog with rules turned off left out and the others at their configured severity. */
    public Configured configure(List<RuleSetting> settings) {
        List<LoadDiagnostic> errors = new ArrayList<>();
        Map<String, RuleSetting> byId = new LinkedHashMap<>();
        for (RuleSetting s : settings) {
            String id = s.ruleId().toUpperCase(Locale.ROOT);
            if (policy(id).isEmpty()) {
                errors.add(unknownRule(s.ruleId(), s.location()));
            } else {
                byId.put(id, s);
            }
        }
        List<Policy> configured = new ArrayList<>();
        for (Policy p : policies) {
            RuleSetting s = byId.get(p.metadata().id().toUpperCase(Locale.ROOT));
            if (s == null) {
                configured.add(p);
            } else if (!s.off()) {
                configured.add(p.withSeverity(s.severity()));
            }
        }
        return new Configured(new RuleCatalog(configured, bastionRuleSet, version), errors);
    }

    /** The error for a configuration entry that names a rule the catalog does not have. */
    LoadDiagnostic unknownRule(String id, SourceLocation at) {
        return new LoadDiagnostic(LoadDiagnostic.Level.ERROR, at, "unknown rule '" + id + "'; 'nsglint rules'"
                + " lists the catalog");
    }

    public List<Policy> policies() {
        return policies;
    }

    public String bastionRuleSet() {
        return bastionRuleSet;
    }

    public List<RuleMetadata> rules() {
        return policies.stream().map(Policy::metadata).toList();
    }

    public Optional<Policy> policy(String id) {
        return policies.stream().filter(p -> p.metadata().id().equalsIgnoreCase(id)).findFirst();
    }

    /** The names of the built-in rule files, from the packaged index. */
    public static List<String> builtInNames() {
        return packaged().names();
    }

    /**
     * The packaged rule files, read from the jar once per JVM: compiling the catalog asks for each name and text
     * several times (to compile it, and to tell a built-in file from a user's file of the same name).
     */
    private record Packaged(List<String> names, Map<String, String> texts) {
    }

    private static volatile Packaged packaged;

    private static Packaged packaged() {
        Packaged p = packaged;
        if (p == null) {
            // Two threads may both read the jar the first time; they read the same, and either result serves.
            List<String> names = new ArrayList<>();
            for (String line : resourceText(INDEX).split("\n")) {
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    names.add(t);
                }
            }
            Map<String, String> texts = new LinkedHashMap<>();
            for (String name : names) {
                texts.put(name, resourceText(RESOURCES + name));
            }
            p = new Packaged(List.copyOf(names), Map.copyOf(texts));
            packaged = p;
        }
        return p;
    }

    /**
     * Built-in rule files compiled once per JVM (the results are immutable and do not depend on the Bastion rule
     * set, which is chosen after compiling). Compiling them is a large part of a cold single-file run's work, so
     * {@link Linter#prefetch()} can start it while the command line is still being set up; their syntax trees
     * come from the build ({@link PrecompiledRules}) rather than the parser.
     */
    private static final Map<String, PolicyCompiler.Result> BUILT_IN = new ConcurrentHashMap<>();

    private static PolicyCompiler.Result compileFile(String name, String text) {
        if (isBuiltIn(name, text)) {
            return BUILT_IN.computeIfAbsent(name, n -> PrecompiledRules.compile(n, text)
                    .orElseGet(() -> PolicyCompiler.compile(RuleParser.parse(text, n))));
        }
        return PolicyCompiler.compile(RuleParser.parse(text, name));
    }

    /** Whether a source is a built-in rule file, unchanged (a user's own "rules/" folder is not). */
    private static boolean isBuiltIn(String name, String text) {
        if (text == null || !name.startsWith(BUILT_IN_PREFIX)) {
            return false;
        }
        String file = name.substring(BUILT_IN_PREFIX.length());
        return builtInNames().contains(file) && text.equals(resource(file));
    }

    /**
     * Compiles the built-in rule files into the per-JVM cache ({@link Linter#prefetch} runs it in the
     * background); a later {@link #load} waits for what is in progress and compiles the rest itself. What goes
     * wrong is left for that load to report.
     */
    static void compileBuiltIns() {
        try {
            for (String name : builtInNames()) {
                compileFile(BUILT_IN_PREFIX + name, resource(name));
            }
        } catch (RuntimeException e) {
            // the foreground load compiles again and reports whatever went wrong
        }
    }

    /** The text of a built-in rule file. */
    public static String resource(String name) {
        String text = packaged().texts().get(name);
        return text != null ? text : resourceText(RESOURCES + name);
    }

    private static String resourceText(String path) {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the built-in rule catalog is missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rule file is a few kilobytes; this bound only stops a device or a generated monster. */
    public static final long MAX_RULE_FILE_BYTES = 1024 * 1024;

    private static List<Path> ruleFiles(Path p, List<RuleError> problems) {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        FolderWalk.Result walk = FolderWalk.of(p, ".nsgl");
        walk.problems().stream().filter(FolderWalk.Problem::error)
                .forEach(e -> problems.add(new RuleError(e.path().toString(), 1, 1, e.message())));
        return walk.files();
    }
}
