package io.github.nsglint.report.json;

import io.github.nsglint.core.flow.DecidingRule;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.AbsentResult;
import io.github.nsglint.core.report.Control;
import io.github.nsglint.core.report.Evidence;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.ReportNeeds;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.ScanInfo;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.core.report.ToolInfo;
import io.github.nsglint.report.JsonOutput;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable report, for scripts and dashboards: a stable layout described by the JSON Schema
 * {@code report.schema.json} beside this class (version {@value #SCHEMA_VERSION}; fields are only ever added
 * within a version).
 */
public final class JsonReporter implements Reporter {

    public static final String ID = "json";
    public static final String SCHEMA_VERSION = "1";

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
        return "json";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        JsonOutput.write(document(report), out);
    }

    static Map<String, Object> document(Report report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", SCHEMA_VERSION);
        ScanInfo scan = report.scan();
        doc.put("tool", map("name", ToolInfo.NAME, "version", scan.toolVersion(), "catalogVersion",
                scan.catalogVersion()));
        List<Object> files = new ArrayList<>();
        for (ScanInfo.ScannedFile f : scan.files()) {
            files.add(map("path", f.path(), "bytes", f.bytes(), "sha256", f.sha256()));
        }
        doc.put("scan", map("started", scan.started().toString(), "finished", scan.finished().toString(), "root",
                scan.root(), "files", files));
        doc.put("summary", summary(report));
        List<Object> controls = new ArrayList<>();
        for (Control c : Control.of(report)) {
            List<Object> resources = new ArrayList<>();
            for (Control.Item i : c.items()) {
                resources.add(map("resourceId", i.resourceId(), "name", i.name(), "status", i.status().label()));
            }
            controls.add(map("id", c.rule().id(), "name", c.rule().name(), "severity", level(c.rule().severity()),
                    "summary", c.rule().summary(), "helpUri", c.rule().helpUri().toString(), "tags",
                    c.rule().sortedTags(), "status", c.status().label(), "resources", resources));
        }
        doc.put("rules", controls);
        List<Object> findings = new ArrayList<>();
        List<String> prints = report.fingerprints();
        for (int i = 0; i < report.findings().size(); i++) {
            findings.add(finding(report.findings().get(i), prints.get(i), report));
        }
        doc.put("findings", findings);
        List<Object> absent = new ArrayList<>();
        for (AbsentResult a : report.absent()) {
            absent.add(map("ruleId", a.ruleId(), "severity", a.level(), "message", a.message(), "file", a.file(),
                    "line", a.line(), "column", a.column(), "fingerprint", a.fingerprint()));
        }
        doc.put("absent", absent);
        doc.put("diagnostics", diagnostics(report.diagnostics()));
        doc.put("configurationErrors", diagnostics(report.configurationErrors()));
        return doc;
    }

    private static Map<String, Object> summary(Report r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("files", r.scan().files().size());
        s.put("rules", r.rules().size());
        s.put("findings", r.findings().size());
        for (Severity sev : List.of(Severity.ERROR, Severity.WARNING, Severity.NOTE)) {
            s.put(level(sev), r.findings().stream().filter(f -> f.severity() == sev && !f.isSuppressed()).count());
        }
        s.put("indeterminate", r.findings().stream().filter(f -> f.kind() == Finding.Kind.INDETERMINATE).count());
        s.put("suppressed", r.findings().stream().filter(Finding::isSuppressed).count());
        s.put("inputErrors", r.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR).count()
                + r.configurationErrors().size());
        return s;
    }

    private static Map<String, Object> finding(Finding f, String fingerprint, Report report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", f.rule().id());
        m.put("severity", level(f.severity()));
        m.put("verdict", f.kind().name().toLowerCase(Locale.ROOT));
        m.put("message", f.message());
        m.put("location", location(f.location()));
        m.put("resourceId", f.resourceId());
        m.put("fingerprint", fingerprint);
        if (f.evidence() instanceof Evidence.Flow flow) {
            m.put("witness", witness(flow));
        } else if (f.evidence() instanceof Evidence.Unknown u) {
            Map<String, Object> unknown = new LinkedHashMap<>();
            unknown.put("reason", u.reason());
            if (u.at() != null) {
                unknown.put("location", location(u.at()));
            }
            if (u.candidate() != null) {
                unknown.put("wouldBreakIt", witness(u.candidate()));
            }
            m.put("unknown", unknown);
        } else if (f.evidence() instanceof Evidence.Property p) {
            m.put("found", p.found());
        }
        if (f.suppression() != null) {
            m.put("suppression", map("source", f.suppression().source(), "justification",
                    f.suppression().justification(), "expires",
                    f.suppression().expires() == null ? null : f.suppression().expires().toString()));
        }
        if (f.baseline() != null) {
            m.put("baselineState", f.baseline().sarifName());
        }
        report.fixFor(fingerprint).ifPresent(x -> m.put("fix", map("description", x.description(), "file", x.file(),
                "arrayPointer", x.arrayPointer(), "rule", x.rule())));
        return m;
    }

    private static Map<String, Object> witness(Evidence.Flow flow) {
        List<Object> path = new ArrayList<>();
        for (DecidingRule d : flow.path()) {
            path.add(rule(d));
        }
        return map("flow", flow.flow(), "deciding", rule(flow.deciding()), "path", path);
    }

    private static Map<String, Object> rule(DecidingRule d) {
        return map("kind", d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), "nsg", d.nsgName(), "nsgId",
                d.nsgId(), "rule", d.ruleName(), "priority", d.priority(), "access",
                d.access().name().toLowerCase(Locale.ROOT), "location",
                d.location() == SourceLocation.BUILT_IN ? null : location(d.location()));
    }

    private static Map<String, Object> location(SourceLocation at) {
        return map("file", at.file(), "line", at.line(), "column", at.column(), "endLine", at.endLine(),
                "endColumn", at.endColumn(), "jsonPointer", at.jsonPointer());
    }

    private static List<Object> diagnostics(List<LoadDiagnostic> list) {
        List<Object> out = new ArrayList<>();
        for (LoadDiagnostic d : list) {
            out.add(map("level", d.level().name().toLowerCase(Locale.ROOT), "message", d.message(), "location",
                    location(d.location())));
        }
        return out;
    }

    private static String level(Severity s) {
        return s.toSarifLevel();
    }

    /** An ordered map of key, value pairs; null values are left out. */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
