package io.github.nsglint.core.fix;

import io.github.nsglint.core.files.InputFiles;
import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JsonReader;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Fix;
import io.github.nsglint.core.report.Remedy;
import io.github.nsglint.core.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the remedies of findings into fixes: for each NSG, the Allow rules that grant what the failed
 * requirements ask for, each at a free priority below the rule that denies today and with a name of its own,
 * inserted at the end of the NSG's {@code securityRules} array.
 *
 * <p>A fix is offered only where the change is certain to be right: the NSG's rules are a literal array in one
 * file (not an expression, a copy loop or child resources), the template declares that NSG once (not in a copy
 * loop), and every priority of the direction is known. Findings that share a remedy share one fix.
 */
public final class FixPlanner {

    /** The priorities Azure accepts for custom rules. */
    private static final int LOWEST_PRIORITY = 100;

    private FixPlanner() {
    }

    public static Report plan(Report report) {
        Map<Remedy, List<String>> byRemedy = new LinkedHashMap<>();
        Map<Remedy, Integer> before = new HashMap<>();
        List<Finding> findings = report.findings();
        List<String> fingerprints = report.fingerprints();
        for (int i = 0; i < findings.size(); i++) {
            Remedy r = findings.get(i).remedy();
            if (r != null) {
                Remedy key = new Remedy(r.nsgId().toLowerCase(Locale.ROOT), r.direction(), r.protocol(),
                        r.sources(), r.destinations(), r.ports(), 0, r.purpose());
                byRemedy.computeIfAbsent(key, k -> new ArrayList<>()).add(fingerprints.get(i));
                before.merge(key, r.beforePriority(), Math::min);
            }
        }
        if (byRemedy.isEmpty()) {
            return report;
        }
        Map<String, Target> targets = new HashMap<>();
        Sources sources = new Sources(report);
        sources.parseAll(byRemedy.keySet().stream().map(Remedy::nsgId).toList());
        List<Fix> fixes = new ArrayList<>();
        for (Map.Entry<Remedy, List<String>> e : byRemedy.entrySet()) {
            Remedy r = e.getKey();
            Target t = targets.computeIfAbsent(r.nsgId(), id -> Target.of(id, sources));
            if (t == null) {
                continue;
            }
            Fix fix = t.add(r, before.get(r), e.getValue());
            if (fix != null) {
                fixes.add(fix);
            }
        }
        return new Report(report.scan(), report.rules(), report.evaluations(), report.findings(), fixes,
                report.absent(), report.diagnostics(), report.configurationErrors(), report.model(), report.topology());
    }

    /** A file read and parsed once for all the fixes in it, with its line layout. */
    private record Parsed(JNode root, RuleJson.Layout layout) {
    }

    /**
     * What planning looks up, each worked out once per report: NSGs by ID, how often each declaration place
     * occurs, and the parsed files (an estate with thousands of fixes must not re-read a file per NSG).
     */
    private static final class Sources {
        private final Map<String, List<NetworkSecurityGroup>> byId = new HashMap<>();
        private final Map<SourceLocation, Integer> declarations = new HashMap<>();
        private final Map<String, Optional<Parsed>> files = new java.util.concurrent.ConcurrentHashMap<>();

        Sources(Report report) {
            for (NetworkSecurityGroup n : report.model().networkSecurityGroups()) {
                byId.computeIfAbsent(n.id().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(n);
                declarations.merge(n.location(), 1, Integer::sum);
            }
        }

        List<NetworkSecurityGroup> nsgs(String id) {
            return byId.getOrDefault(id.toLowerCase(Locale.ROOT), List.of());
        }

        int declarations(NetworkSecurityGroup nsg) {
            return declarations.getOrDefault(nsg.location(), 0);
        }

        /** Parses, in parallel, the files that declare these NSGs: an estate has many. */
        void parseAll(List<String> nsgIds) {
            nsgIds.stream().flatMap(id -> nsgs(id).stream()).map(n -> n.location().file()).distinct().toList()
                    .parallelStream().forEach(this::parsed);
        }

        /** The file parsed, or null when it cannot be read now (then no fix is offered in it). */
        Parsed parsed(String file) {
            return files.computeIfAbsent(file, f -> {
                try {
                    String text = InputFiles.readUtf8(Path.of(f), JsonReader.MAX_DOCUMENT_BYTES);
                    JNode root = new JsonReader().parse(text, f);
                    return Optional.of(new Parsed(root, RuleJson.Layout.of(text.startsWith("\uFEFF")
                            ? text.substring(1) : text)));
                } catch (IOException | TemplateLoadException e) {
                    return Optional.empty();
                }
            }).orElse(null);
        }
    }

    /** One NSG that can take new rules: its array in the file, the priorities and names already used. */
    private static final class Target {
        private final NetworkSecurityGroup nsg;
        private final String file;
        private final RuleJson.Layout layout;
        private final JArray array;
        private final Map<Direction, Set<Integer>> used = new HashMap<>();
        private final Set<String> names = new HashSet<>();

        private Target(NetworkSecurityGroup nsg, String file, RuleJson.Layout layout, JArray array) {
            this.nsg = nsg;
            this.file = file;
            this.layout = layout;
            this.array = array;
        }

        /** The NSG as a target, or null when a fix cannot be certain to be right. */
        static Target of(String nsgId, Sources sources) {
            List<NetworkSecurityGroup> matches = sources.nsgs(nsgId);
            if (matches.size() != 1) {
                return null;
            }
            NetworkSecurityGroup nsg = matches.get(0);
            List<SecurityRule> rules = nsg.securityRules().known().orElse(null);
            if (sources.declarations(nsg) != 1 || rules == null
                    || !Boolean.TRUE.equals(nsg.complete().known().orElse(false))) {
                return null;
            }
            String file = nsg.location().file();
            String pointer = nsg.location().jsonPointer() + "/properties/securityRules";
            Parsed parsed = sources.parsed(file);
            if (parsed == null) {
                return null;
            }
            JNode root = parsed.root();
            if (!(Pointers.at(root, pointer) instanceof JArray array) || array.size() != rules.size()) {
                return null;
            }
            for (int i = 0; i < rules.size(); i++) {
                if (!rules.get(i).location().jsonPointer().equals(pointer + "/" + i)) {
                    return null; // the model's rules are not this array's elements, one by one
                }
            }
            Target t = new Target(nsg, file, parsed.layout(), array);
            for (SecurityRule rule : rules) {
                if (rule.priority().known().isEmpty() || rule.direction().known().isEmpty()) {
                    return null;
                }
                t.used.computeIfAbsent(rule.direction().known().get(), d -> new HashSet<>())
                        .add(rule.priority().known().get());
                rule.name().known().ifPresent(n -> t.names.add(n.toLowerCase(Locale.ROOT)));
            }
            return t;
        }

        Fix add(Remedy r, int beforePriority, List<String> fingerprints) {
            Set<Integer> taken = used.computeIfAbsent(r.direction(), d -> new HashSet<>());
            int priority = LOWEST_PRIORITY;
            while (taken.contains(priority)) {
                priority++;
            }
            if (priority >= beforePriority) {
                return null; // no free priority ranks before the denying rule
            }
            taken.add(priority);
            String name = uniqueName("Allow-" + r.purpose() + "-" + (r.direction() == Direction.INBOUND ? "In" : "Out"));
            Map<String, Object> rule = RuleJson.rule(name, priority, r);
            // Each fix stands alone against the unchanged file, as SARIF applies them: appended at the end.
            Fix.TextEdit edit = RuleJson.insertion(layout, array, rule);
            int index = array.size();
            String description = "Add rule " + name + " (priority " + priority + ") to NSG "
                    + nsg.name().known().orElse(nsg.id()) + ": allow " + r.direction().armName().toLowerCase(Locale.ROOT)
                    + " " + r.protocol() + " from " + String.join(", ", r.sources()) + " to "
                    + String.join(", ", r.destinations()) + " port " + String.join(", ", r.ports());
            return new Fix(description, nsg.id(), rule, file, array.location().jsonPointer(), index, edit,
                    fingerprints);
        }

        private String uniqueName(String wanted) {
            String base = RuleJson.sanitizeName(wanted);
            String name = base;
            for (int n = 2; names.contains(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            names.add(name.toLowerCase(Locale.ROOT));
            return name;
        }
    }
}
