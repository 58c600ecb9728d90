package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rule seen as a compliance control: its status over the whole run, and per resource it was checked against
 * (with the findings on that resource). The compliance table, JUnit test cases and the JSON summary read it.
 */
public record Control(RuleMetadata rule, Status status, List<Item> items) {

    public Control {
        requireNonNull(rule, "rule is null");
        requireNonNull(status, "status is null");
        items = List.copyOf(items);
    }

    /** Worst first: a violation outweighs an unknown, which outweighs a suppressed finding. */
    public enum Status {
        VIOLATED,
        INDETERMINATE,
        SUPPRESSED,
        PASSED,
        /** Nothing to check: e.g. no Bastion in the files. */
        NOT_APPLICABLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** One resource under the control, its status and findings. */
    public record Item(String resourceId, String name, Status status, List<Finding> findings) {
        public Item {
            requireNonNull(resourceId, "resourceId is null");
            requireNonNull(name, "name is null");
            requireNonNull(status, "status is null");
            findings = List.copyOf(findings);
        }
    }

    /** The controls of a report, in the order its rules ran. */
    public static List<Control> of(Report report) {
        Map<String, RuleEvaluation> evaluations = new LinkedHashMap<>();
        for (RuleEvaluation e : report.evaluations()) {
            evaluations.put(e.rule().id(), e);
        }
        List<Control> out = new ArrayList<>();
        for (RuleMetadata rule : report.rules()) {
            List<Finding> mine = report.findings().stream().filter(f -> f.rule().id().equals(rule.id())).toList();
            Map<String, List<Finding>> bySubject = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, String> ids = new LinkedHashMap<>();
            RuleEvaluation e = evaluations.get(rule.id());
            for (RuleEvaluation.Subject s : e == null ? List.<RuleEvaluation.Subject>of() : e.subjects()) {
                bySubject.putIfAbsent(key(s.resourceId()), new ArrayList<>());
                names.putIfAbsent(key(s.resourceId()), s.name());
                ids.putIfAbsent(key(s.resourceId()), s.resourceId());
            }
            for (Finding f : mine) {
                String owner = owner(f.resourceId(), bySubject.keySet());
                bySubject.computeIfAbsent(owner, k -> new ArrayList<>()).add(f);
                names.putIfAbsent(owner, f.resourceId().isEmpty() ? "(the files)" : lastSegment(f.resourceId()));
                ids.putIfAbsent(owner, f.resourceId());
            }
            List<Item> items = new ArrayList<>();
            bySubject.forEach((k, findings) -> items.add(new Item(ids.get(k), names.get(k), status(findings), findings)));
            Status overall = items.isEmpty() ? Status.NOT_APPLICABLE
                    : items.stream().map(Item::status).min(Enum::compareTo).orElseThrow();
            out.add(new Control(rule, overall, items));
        }
        return out;
    }

    private static Status status(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> !f.isSuppressed() && f.kind() == Finding.Kind.VIOLATED)) {
            return Status.VIOLATED;
        }
        if (findings.stream().anyMatch(f -> !f.isSuppressed())) {
            return Status.INDETERMINATE;
        }
        return findings.isEmpty() ? Status.PASSED : Status.SUPPRESSED;
    }

    /** The checked resource a finding is about: the same ID, or the resource its ID lies under (an NSG's rule). */
    private static String owner(String resourceId, Iterable<String> subjects) {
        String id = key(resourceId);
        String best = null;
        for (String s : subjects) {
            if ((id.equals(s) || id.startsWith(s + "/")) && (best == null || s.length() > best.length())) {
                best = s;
            }
        }
        return best != null ? best : id;
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static String lastSegment(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }
}
