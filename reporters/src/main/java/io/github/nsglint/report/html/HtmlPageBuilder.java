package io.github.nsglint.report.html;

import io.github.nsglint.core.flow.DecidingRule;
import io.github.nsglint.core.flow.DefaultRules;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import io.github.nsglint.core.report.Control;
import io.github.nsglint.core.report.Evidence;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.ScanInfo;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.core.report.ToolInfo;
import io.github.nsglint.core.topology.BastionPlacement;
import io.github.nsglint.core.topology.NsgAttachment;
import io.github.nsglint.core.topology.PeeringLink;
import io.github.nsglint.report.ComplianceNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Works out the HTML page from a report: counts, controls, the topology drawing, findings with rule tables. */
final class HtmlPageBuilder {

    static final int MAX_DRAWN_VNETS = 60;
    private static final int BOX_WIDTH = 320;
    private static final int HEADER = 46;
    private static final int ROW = 36;
    private static final int GAP_X = 90;
    private static final int GAP_Y = 28;
    private static final int MARGIN = 20;
    private static final int MAX_SPOKE_COLUMNS = 3;
    private static final int SPOKES_PER_COLUMN = 6;

    private final Report report;

    private HtmlPageBuilder(Report report) {
        this.report = report;
    }

    static HtmlPage build(Report report) {
        return new HtmlPageBuilder(report).page();
    }

    private HtmlPage page() {
        ScanInfo s = report.scan();
        HtmlPage.Scan scan = new HtmlPage.Scan(ToolInfo.NAME + " " + s.toolVersion(), s.catalogVersion(),
                s.started().toString(), s.finished().toString(), s.root(), s.files().stream()
                        .map(f -> new HtmlPage.FileRow(f.path(), f.bytes(), f.sha256())).toList());
        List<HtmlPage.Count> counts = new ArrayList<>();
        for (Severity sev : List.of(Severity.ERROR, Severity.WARNING, Severity.NOTE)) {
            counts.add(new HtmlPage.Count(sev.toSarifLevel(), report.findings().stream()
                    .filter(f -> f.severity() == sev && !f.isSuppressed()).count(), "sev-" + sev.toSarifLevel()));
        }
        counts.add(new HtmlPage.Count("indeterminate", report.findings().stream()
                .filter(f -> f.kind() == Finding.Kind.INDETERMINATE && !f.isSuppressed()).count(), "st-indeterminate"));
        counts.add(new HtmlPage.Count("suppressed", report.findings().stream().filter(Finding::isSuppressed).count(),
                "st-suppressed"));
        List<HtmlPage.ControlRow> controls = new ArrayList<>();
        for (Control c : Control.of(report)) {
            controls.add(new HtmlPage.ControlRow(c.rule().id(), c.rule().name(), c.rule().severity().toSarifLevel(),
                    c.rule().summary(), c.status().label(), css(c.status()), c.items().stream()
                            .map(i -> new HtmlPage.ResourceStatus(i.name(), i.status().label(), css(i.status())))
                            .toList(), c.rule().helpUri().toString(), compliance(c.rule().sortedTags())));
        }
        List<HtmlPage.FindingView> findings = new ArrayList<>();
        List<HtmlPage.SuppressionRow> suppressions = new ArrayList<>();
        List<String> prints = report.fingerprints();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            findings.add(finding(f, "f" + (i + 1), prints.get(i)));
            if (f.isSuppressed()) {
                suppressions.add(new HtmlPage.SuppressionRow(f.rule().id(), lastSegment(f.resourceId()),
                        f.suppression().justification(), f.suppression().expires() == null ? "never"
                                : f.suppression().expires().toString(), f.suppression().source()));
            }
        }
        List<String> errors = new ArrayList<>();
        report.configurationErrors().forEach(d -> errors.add(d.display()));
        report.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR)
                .forEach(d -> errors.add(d.display()));
        String title = "nsglint compliance report" + (s.files().size() == 1 ? ": " + s.files().get(0).path() : "");
        return new HtmlPage(title, scan, counts, controls, drawing(), findings, suppressions, errors);
    }

    // ---- findings ----------------------------------------------------------------------------------------

    private HtmlPage.FindingView finding(Finding f, String anchor, String fingerprint) {
        String witness = "";
        String deciding = "";
        String unknown = "";
        DecidingRule rule = null;
        if (f.evidence() instanceof Evidence.Flow flow) {
            witness = flow.flow();
            deciding = flow.deciding().describe();
            rule = flow.deciding();
        } else if (f.evidence() instanceof Evidence.Unknown u) {
            unknown = u.reason() + (u.at() == null ? "" : " (" + u.at().display() + ")");
            if (u.candidate() != null) {
                witness = u.candidate().flow();
                deciding = u.candidate().deciding().describe();
                rule = u.candidate().deciding();
            }
        } else if (f.evidence() instanceof Evidence.Property p) {
            unknown = "";
            witness = "";
            deciding = "found: " + p.found();
        }
        String nsgName = "";
        List<HtmlPage.RuleRow> rows = List.of();
        if (rule != null && !rule.nsgId().isEmpty()) {
            Optional<NetworkSecurityGroup> nsg = nsg(rule.nsgId());
            if (nsg.isPresent()) {
                nsgName = nsg.get().name().known().orElse(rule.nsgName());
                rows = ruleTable(nsg.get(), rule);
            }
        }
        String suppressed = f.isSuppressed() ? f.suppression().justification() : "";
        String fix = report.fixFor(fingerprint).map(x -> x.description()).orElse("");
        return new HtmlPage.FindingView(anchor, f.rule().id(), f.severity().toSarifLevel(),
                f.kind().name().toLowerCase(Locale.ROOT), f.message(), f.location().display(), f.resourceId(), witness,
                deciding, unknown, suppressed, fix, nsgName, rows);
    }

    private Optional<NetworkSecurityGroup> nsg(String id) {
        return report.model().networkSecurityGroups().stream().filter(n -> n.id().equalsIgnoreCase(id)).findFirst();
    }

    private static List<HtmlPage.RuleRow> ruleTable(NetworkSecurityGroup nsg, DecidingRule deciding) {
        List<HtmlPage.RuleRow> rows = new ArrayList<>();
        List<SecurityRule> rules = new ArrayList<>(nsg.securityRules().known().orElse(List.of()));
        rules.sort(Comparator.comparing((SecurityRule r) -> r.direction().known().map(Enum::ordinal).orElse(2))
                .thenComparing(r -> r.priority().known().orElse(Integer.MAX_VALUE)));
        for (Direction d : Direction.values()) {
            for (SecurityRule r : rules) {
                if (r.direction().known().orElse(null) != d) {
                    continue;
                }
                String name = r.name().known().orElse("?");
                boolean isDeciding = deciding.kind() == DecidingRule.Kind.CUSTOM && name.equals(deciding.ruleName());
                rows.add(new HtmlPage.RuleRow(text(r.priority()), name, d.armName(), text(r.access()),
                        text(r.protocol()), list(r.sourceAddressPrefixes()), list(r.destinationAddressPrefixes()),
                        list(r.destinationPortRanges()), isDeciding, false));
            }
            for (DefaultRules.Definition def : d == Direction.INBOUND ? DefaultRules.INBOUND : DefaultRules.OUTBOUND) {
                boolean isDeciding = deciding.kind() == DecidingRule.Kind.DEFAULT
                        && def.name().equals(deciding.ruleName());
                rows.add(new HtmlPage.RuleRow(Integer.toString(def.priority()), def.name(), d.armName(),
                        def.access().armName(), "*", def.source(), def.destination(), "*", isDeciding, true));
            }
        }
        for (SecurityRule r : rules) {
            if (r.direction().known().isEmpty()) {
                rows.add(new HtmlPage.RuleRow(text(r.priority()), r.name().known().orElse("?"), "(unknown)",
                        text(r.access()), text(r.protocol()), list(r.sourceAddressPrefixes()),
                        list(r.destinationAddressPrefixes()), list(r.destinationPortRanges()), false, false));
            }
        }
        return rows;
    }

    private static String text(Field<?> f) {
        return f.known().map(v -> v instanceof io.github.nsglint.core.model.Access a ? a.armName()
                : v instanceof io.github.nsglint.core.model.Protocol p ? p.armName() : String.valueOf(v))
                .orElse(f instanceof Field.Absent<?> ? "" : "(unknown)");
    }

    private static String list(Field<List<String>> f) {
        return f.known().map(l -> String.join(", ", l)).orElse("(unknown)");
    }

    // ---- topology ----------------------------------------------------------------------------------------

    private HtmlPage.Drawing drawing() {
        List<VirtualNetwork> vnets = report.model().virtualNetworks();
        List<String> hubIds = new ArrayList<>();
        for (BastionPlacement b : report.topology().bastions()) {
            if (b.network() != null && !hubIds.contains(key(b.network().id()))) {
                hubIds.add(key(b.network().id()));
            }
        }
        if (hubIds.isEmpty()) {
            for (VirtualNetwork v : vnets) {
                if (report.topology().linksOf(v.id()).size() >= 2) {
                    hubIds.add(key(v.id()));
                }
            }
        }
        List<VirtualNetwork> hubs = vnets.stream().filter(v -> hubIds.contains(key(v.id()))).toList();
        List<VirtualNetwork> spokes = vnets.stream().filter(v -> !hubIds.contains(key(v.id()))).toList();
        Map<String, HtmlPage.Box> boxes = new LinkedHashMap<>();
        int drawn = 0;
        int y = MARGIN;
        int width = MARGIN;
        int height = MARGIN;
        for (VirtualNetwork hub : hubs) {
            if (drawn++ >= MAX_DRAWN_VNETS) {
                break;
            }
            HtmlPage.Box b = box(hub, MARGIN, y);
            boxes.put(key(hub.id()), b);
            y += b.height() + GAP_Y;
            width = Math.max(width, MARGIN + BOX_WIDTH + MARGIN);
            height = Math.max(height, y);
        }
        int columnStart = hubs.isEmpty() ? MARGIN : MARGIN + BOX_WIDTH + GAP_X * 2;
        int columns = Math.max(1, Math.min(MAX_SPOKE_COLUMNS, (spokes.size() + SPOKES_PER_COLUMN - 1)
                / SPOKES_PER_COLUMN));
        int[] columnY = new int[columns];
        java.util.Arrays.fill(columnY, MARGIN);
        for (VirtualNetwork spoke : spokes) {
            if (drawn++ >= MAX_DRAWN_VNETS) {
                break;
            }
            int column = 0;
            for (int c = 1; c < columns; c++) {
                if (columnY[c] < columnY[column]) {
                    column = c;
                }
            }
            int x = columnStart + column * (BOX_WIDTH + GAP_X / 2);
            HtmlPage.Box b = box(spoke, x, columnY[column]);
            boxes.put(key(spoke.id()), b);
            columnY[column] += b.height() + GAP_Y;
            width = Math.max(width, x + BOX_WIDTH + MARGIN);
            height = Math.max(height, columnY[column]);
        }
        List<HtmlPage.Link> links = new ArrayList<>();
        for (PeeringLink l : report.topology().peeringLinks()) {
            HtmlPage.Box a = boxes.get(key(l.vnetA()));
            HtmlPage.Box b = boxes.get(key(l.vnetB()));
            if (a == null || b == null) {
                continue;
            }
            HtmlPage.Box left = a.x() <= b.x() ? a : b;
            HtmlPage.Box right = left == a ? b : a;
            boolean sameColumn = left.x() == right.x();
            int x1 = sameColumn ? left.x() + 12 : left.x() + left.width();
            int y1 = left.y() + (sameColumn ? left.height() : HEADER / 2);
            int x2 = sameColumn ? right.x() + 12 : right.x();
            int y2 = right.y() + (sameColumn ? 0 : HEADER / 2);
            links.add(new HtmlPage.Link(x1, y1, x2, y2, l.state() == PeeringLink.State.CONNECTED ? "peer-ok"
                    : "peer-partial", "peering " + l.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        String note = vnets.isEmpty() ? "No virtual network in the scanned files."
                : vnets.size() > MAX_DRAWN_VNETS ? (vnets.size() - MAX_DRAWN_VNETS) + " more virtual networks are not"
                        + " drawn; the tables list them all." : "";
        return new HtmlPage.Drawing(width, height + MARGIN, List.copyOf(boxes.values()), links, note);
    }

    private HtmlPage.Box box(VirtualNetwork v, int x, int y) {
        List<HtmlPage.Row> rows = new ArrayList<>();
        Control.Status worst = statusOf(List.of(key(v.id())));
        int rowY = y + HEADER;
        for (Subnet s : v.subnets()) {
            List<String> ids = new ArrayList<>(List.of(key(s.id())));
            String nsgName = "no NSG";
            NsgAttachment a = report.topology().nsgOf(s);
            if (a instanceof NsgAttachment.Attached at) {
                ids.add(key(at.nsg().id()));
                nsgName = "NSG " + at.nsg().name().known().orElse(lastSegment(at.nsg().id()));
            } else if (a instanceof NsgAttachment.Unresolved) {
                nsgName = "NSG unknown";
            }
            for (BastionPlacement b : report.topology().bastions()) {
                if (b.subnet() != null && key(b.subnet().id()).equals(key(s.id()))) {
                    ids.add(key(b.bastion().id()));
                    nsgName = nsgName + " · Bastion " + b.bastion().name().known().orElse("");
                }
            }
            Control.Status st = statusOf(ids);
            worst = worse(worst, st);
            String prefix = s.addressPrefixes().known().map(l -> String.join(", ", l)).orElse("?");
            rows.add(new HtmlPage.Row(rowY, s.name().known().orElse("?") + "  " + prefix, nsgName, css(st)));
            rowY += ROW;
        }
        String region = v.region().known().orElse("region unknown");
        String space = v.addressSpace().known().map(l -> String.join(", ", l)).orElse("?");
        return new HtmlPage.Box(x, y, BOX_WIDTH, HEADER + rows.size() * ROW + 8,
                v.name().known().orElse(lastSegment(v.id())), region + " · " + space, css(worst), rows);
    }

    /** The worst status of the findings about these resources (or anything under them). */
    private Control.Status statusOf(List<String> ids) {
        Control.Status worst = Control.Status.PASSED;
        for (Finding f : report.findings()) {
            String r = key(f.resourceId());
            for (String id : ids) {
                if (r.equals(id) || r.startsWith(id + "/")) {
                    worst = worse(worst, f.isSuppressed() ? Control.Status.SUPPRESSED
                            : f.kind() == Finding.Kind.VIOLATED ? Control.Status.VIOLATED
                                    : Control.Status.INDETERMINATE);
                }
            }
        }
        return worst;
    }

    private static Control.Status worse(Control.Status a, Control.Status b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String css(Control.Status s) {
        return "st-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static String lastSegment(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }

    /** The compliance controls a rule's tags name ({@link ComplianceNames}). */
    static List<String> compliance(List<String> tags) {
        return ComplianceNames.of(tags);
    }
}
