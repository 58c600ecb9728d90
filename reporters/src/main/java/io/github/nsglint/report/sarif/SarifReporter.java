package io.github.nsglint.report.sarif;

import io.github.nsglint.core.flow.DecidingRule;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.AbsentResult;
import io.github.nsglint.core.report.Evidence;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Fix;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.ReportNeeds;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.RuleMetadata;
import io.github.nsglint.core.report.ScanInfo;
import io.github.nsglint.core.report.Suppression;
import io.github.nsglint.core.report.ToolInfo;
import io.github.nsglint.report.JsonOutput;
import io.github.nsglint.report.RepositoryPaths;
import io.github.nsglint.report.sarif.SarifLog.ArtifactLocation;
import io.github.nsglint.report.sarif.SarifLog.Location;
import io.github.nsglint.report.sarif.SarifLog.Message;
import io.github.nsglint.report.sarif.SarifLog.Region;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * SARIF 2.1.0 for code scanning: one run, the full rules array, one result per finding (suppressed ones with a
 * {@code suppressions} entry, baseline states when compared with a baseline, the baseline's fixed findings as
 * {@code absent}), paths relative to {@code %SRCROOT%} (the run's working directory), and the loader's and the
 * configuration's problems as tool notifications.
 */
public final class SarifReporter implements Reporter {

    public static final String ID = "sarif";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    /** The partial fingerprint key: resource ID, rule ID and anchor, never line numbers. */
    public static final String FINGERPRINT_KEY = "nsglintFinding/v1";
    /** GitHub code scanning matches alerts across runs by this key only. */
    static final String GITHUB_KEY = "primaryLocationLineHash";
    private static final int MAX_TAGS = 10;
    private static final int MAX_DESCRIPTION = 1024;

    @Override
    public ReportNeeds needs() {
        return ReportNeeds.ALL; // each file's SHA-256 and the planned fixes
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String defaultFileExtension() {
        return "sarif";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        JsonOutput.write(log(report), out);
    }

    static SarifLog log(Report report) {
        Paths paths = new Paths(report.scan().root());
        Map<String, Integer> ruleIndex = new HashMap<>();
        List<SarifLog.ReportingDescriptor> rules = new ArrayList<>();
        for (RuleMetadata m : report.rules()) {
            ruleIndex.put(m.id(), rules.size());
            rules.add(descriptor(m));
        }
        List<SarifLog.Result> results = new ArrayList<>();
        List<String> fingerprints = report.fingerprints();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            results.add(result(f, fingerprints.get(i), ruleIndex.get(f.rule().id()), report, paths));
        }
        for (AbsentResult a : report.absent()) {
            results.add(absent(a, ruleIndex.get(a.ruleId()), paths));
        }
        ScanInfo scan = report.scan();
        SarifLog.Invocation invocation = new SarifLog.Invocation(!report.hasInputErrors(),
                scan.started().toString(), scan.finished().toString(),
                new ArtifactLocation(paths.rootUri(), null),
                notifications(report.diagnostics(), paths), notifications(report.configurationErrors(), paths));
        List<SarifLog.Artifact> artifacts = scan.files().stream().map(f -> new SarifLog.Artifact(paths.artifact(f.path()),
                f.bytes(), f.sha256().isEmpty() ? null : Map.of("sha-256", f.sha256()))).toList();
        SarifLog.Driver driver = new SarifLog.Driver(ToolInfo.NAME, ToolInfo.VERSION, ToolInfo.semanticVersion(),
                ToolInfo.INFORMATION_URI, rules, scan.catalogVersion().isEmpty() ? null
                        : Map.of("catalogVersion", scan.catalogVersion()));
        SarifLog.Run run = new SarifLog.Run(new SarifLog.Tool(driver), List.of(invocation),
                Map.of(SRCROOT, new ArtifactLocation(paths.rootUri(), null)), artifacts, "utf16CodeUnits", results);
        return new SarifLog(SCHEMA, "2.1.0", List.of(run));
    }

    /**
     * A result's partial fingerprints, in one order on every run: Map.of iterates in an order that changes from
     * one JVM to the next, which made two runs' SARIF differ byte for byte.
     */
    static Map<String, String> fingerprints(String fingerprint) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(FINGERPRINT_KEY, fingerprint);
        out.put(GITHUB_KEY, fingerprint);
        return out;
    }

    // ---- rules -------------------------------------------------------------------------------------------

    static SarifLog.ReportingDescriptor descriptor(RuleMetadata m) {
        Map<String, Object> props = new LinkedHashMap<>();
        TreeSet<String> tags = new TreeSet<>(List.of("security", "azure", "nsg"));
        for (String t : m.sortedTags()) {
            if (tags.size() < MAX_TAGS) {
                tags.add(t);
            }
        }
        props.put("tags", List.copyOf(tags));
        props.put("security-severity", securitySeverity(m));
        props.put("precision", "very-high");
        String help = m.help().isBlank() ? m.summary() : m.help().strip();
        String example = m.example().isBlank() ? "" : "\n\nExample:\n" + m.example().strip();
        // A backtick fence inside the example would end the block early; a tilde fence does not close it.
        String exampleMarkdown = m.example().isBlank() ? "" : "\n\n**Example**\n\n```text\n"
                + m.example().strip().replace("```", "~~~") + "\n```";
        return new SarifLog.ReportingDescriptor(m.id(), m.name(), Message.of(m.summary()),
                Message.of(shorten(help)), new Message(help + example + "\n\nMore: " + m.helpUri(),
                        help + exampleMarkdown + "\n\n[Microsoft's documentation](" + m.helpUri()
                                + ") · rule source: `" + m.source() + "`"),
                m.helpUri().toString(), new SarifLog.Configuration(m.severity().toSarifLevel()), props);
    }

    /**
     * GitHub's bands: 9.0 and above critical, 7.0 high, 4.0 medium, below low. Exposure to networks that should
     * not reach a port is critical; other errors high (a broken Bastion is an outage, not a breach).
     */
    static String securitySeverity(RuleMetadata m) {
        return switch (m.severity()) {
            case ERROR -> m.tags().contains("exposure") ? "9.1" : "7.5";
            case WARNING -> "5.0";
            case NOTE -> "2.0";
        };
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.length() <= MAX_DESCRIPTION) {
            return oneLine;
        }
        int cut = oneLine.lastIndexOf(". ", MAX_DESCRIPTION - 1);
        return cut > 0 ? oneLine.substring(0, cut + 1) : oneLine.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    // ---- results -----------------------------------------------------------------------------------------

    /** SARIF's suppression: in the template or in the configuration, with where it is written and until when. */
    private static SarifLog.Suppression suppression(Suppression s) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("source", s.source());
        if (s.expires() != null) {
            props.put("expires", s.expires().toString());
        }
        return new SarifLog.Suppression(s.kind() == Suppression.Kind.INLINE ? "inSource" : "external", "accepted",
                s.justification(), props);
    }

    private static SarifLog.Result result(Finding f, String fingerprint, Integer index, Report report, Paths paths) {
        List<Location> related = new ArrayList<>();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("verdict", f.kind().name().toLowerCase(Locale.ROOT));
        props.put("resourceId", f.resourceId());
        evidence(f.evidence(), props, related, paths);
        List<SarifLog.Suppression> suppressions = f.suppression() == null ? List.of()
                : List.of(suppression(f.suppression()));
        List<SarifLog.Fix> fixes = report.fixFor(fingerprint).map(x -> List.of(fix(x, paths))).orElse(List.of());
        String baseline = report.hasBaseline() && f.baseline() != null ? f.baseline().sarifName()
                : report.hasBaseline() ? "new" : null;
        return new SarifLog.Result(f.rule().id(), index, f.severity().toSarifLevel(), Message.of(f.message()),
                List.of(location(f.location(), null, null, f.resourceId(), paths)), related,
                fingerprints(fingerprint), suppressions, baseline, fixes, props);
    }

    private static void evidence(Evidence e, Map<String, Object> props, List<Location> related, Paths paths) {
        if (e instanceof Evidence.Flow flow) {
            props.put("witness", witness(flow));
            relatedRules(flow, related, paths);
        } else if (e instanceof Evidence.Unknown u) {
            Map<String, Object> unknown = new LinkedHashMap<>();
            unknown.put("reason", u.reason());
            if (u.at() != null && u.at() != SourceLocation.BUILT_IN) {
                unknown.put("location", u.at().display());
                related.add(location(u.at(), related.size() + 1, "the unknown value: " + u.reason(), null, paths));
            }
            if (u.candidate() != null) {
                unknown.put("wouldBreakIt", witness(u.candidate()));
                relatedRules(u.candidate(), related, paths);
            }
            props.put("unknown", unknown);
        } else if (e instanceof Evidence.Property p) {
            props.put("found", p.found());
        }
    }

    private static Map<String, Object> witness(Evidence.Flow flow) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("flow", flow.flow());
        w.put("deciding", flow.deciding().describe());
        w.put("path", flow.path().stream().map(DecidingRule::describe).toList());
        return w;
    }

    private static void relatedRules(Evidence.Flow flow, List<Location> related, Paths paths) {
        for (DecidingRule d : flow.path()) {
            if (d.location() != SourceLocation.BUILT_IN) {
                String role = d.equals(flow.deciding()) ? "deciding rule: " : "on the path: ";
                related.add(location(d.location(), related.size() + 1, role + d.describe(), null, paths));
            }
        }
        if (!flow.path().contains(flow.deciding()) && flow.deciding().location() != SourceLocation.BUILT_IN) {
            related.add(location(flow.deciding().location(), related.size() + 1,
                    "deciding rule: " + flow.deciding().describe(), null, paths));
        }
    }

    private static SarifLog.Result absent(AbsentResult a, Integer index, Paths paths) {
        Location loc = new Location(null, new SarifLog.PhysicalLocation(paths.artifact(a.file()),
                new Region(a.line(), a.column(), null, null)), List.of(), null);
        return new SarifLog.Result(a.ruleId(), index, a.level(), Message.of(a.message()), List.of(loc), List.of(),
                fingerprints(a.fingerprint()), List.of(), "absent", List.of(),
                Map.of());
    }

    private static SarifLog.Fix fix(Fix x, Paths paths) {
        Fix.TextEdit e = x.edit();
        return new SarifLog.Fix(Message.of(x.description()), List.of(new SarifLog.ArtifactChange(
                paths.artifact(x.file()), List.of(new SarifLog.Replacement(
                        new Region(e.startLine(), e.startColumn(), e.endLine(), e.endColumn()),
                        new SarifLog.ArtifactContent(e.text()))))));
    }

    static Location location(SourceLocation at, Integer id, String message, String resourceId, Paths paths) {
        List<SarifLog.LogicalLocation> logical = resourceId == null || resourceId.isEmpty() ? List.of()
                : List.of(new SarifLog.LogicalLocation(lastSegment(resourceId), resourceId, "resource"));
        SarifLog.PhysicalLocation physical = at == SourceLocation.BUILT_IN ? null
                : new SarifLog.PhysicalLocation(paths.artifact(at.file()),
                        new Region(at.line(), at.column(), at.endLine(), at.endColumn()));
        return new Location(id, physical, logical, message == null ? null : Message.of(message));
    }

    private static String lastSegment(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }

    private static List<SarifLog.Notification> notifications(List<LoadDiagnostic> diagnostics, Paths paths) {
        return diagnostics.stream().map(d -> new SarifLog.Notification(switch (d.level()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        }, Message.of(d.message()), d.location() == SourceLocation.BUILT_IN ? List.of()
                : List.of(location(d.location(), null, null, null, paths)))).toList();
    }

    /** File paths as SARIF URIs: relative to %SRCROOT% when under it, absolute file URIs otherwise. */
    static final class Paths {
        private final Path root;

        Paths(String root) {
            this.root = Path.of(root).toAbsolutePath().normalize();
        }

        String rootUri() {
            String u = root.toUri().toString();
            return u.endsWith("/") ? u : u + "/";
        }

        ArtifactLocation artifact(String file) {
            Optional<String> rel = RepositoryPaths.relative(root, file);
            if (rel.isPresent()) {
                try {
                    return new ArtifactLocation(new URI(null, null, rel.get(), null).toASCIIString(), SRCROOT);
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("not a path: " + rel.get(), e);
                }
            }
            return new ArtifactLocation(RepositoryPaths.absolute(root, file).toUri().toString(), null);
        }
    }
}
