package io.github.nsglint.core.config;

import io.github.nsglint.core.files.InputFileException;
import io.github.nsglint.core.files.InputFiles;
import io.github.nsglint.core.flow.InternetWidth;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.NamePattern;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.core.topology.ConfiguredPorts;
import io.github.nsglint.core.topology.TargetMode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code .nsglint.yaml}. SnakeYAML only composes the document into nodes (no object is ever constructed
 * from a tag), with limits on size, nesting and aliases, so a hostile file (a billion-laughs alias bomb, a huge
 * or deeply nested document) is an error, not an outage. Every key is checked: an unknown key, a wrong type or
 * a bad value is an error at its line and column, so a typo never silently disables a check. An entry with an
 * error is left out and the rest of the file still applies; the caller must treat any error as bad input.
 */
public final class ConfigurationLoader {

    /** The configuration's file name, looked for in the folder of the first input and its parents. */
    public static final String FILE_NAME = ".nsglint.yaml";

    /** Configuration files are a few dozen lines; anything near this is not one. */
    static final long MAX_BYTES = 1024 * 1024;
    static final int MAX_ALIASES = 20;
    static final int MAX_NESTING = 20;

    private static final Set<String> KEYS = Set.of("failOn", "severity", "rules", "suppressions", "serviceTags",
            "targets", "bastionRuleSet", "baseline", "bastion", "internet", "exemptSubnets", "appliances");
    private static final Set<String> INTERNET_KEYS = Set.of("ipv4", "ipv6");
    private static final Set<String> BASTION_KEYS = Set.of("ports");
    private static final Set<String> PORT_KEYS = Set.of("port", "target");
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<String> SUPPRESSION_KEYS = Set.of("rule", "resource", "justification", "expires");
    private static final List<String> FAIL_ON = List.of("error", "warning", "note", "never");
    private static final List<String> RULE_LEVELS = List.of("off", "error", "warning", "note");
    /** The catalog's Bastion rule sets (a test holds this equal to RuleCatalog's; the engine depends on us). */
    static final List<String> BASTION_RULE_SETS = List.of("current", "bastion-2020");

    /** A configuration and the errors found in it (empty when the file is valid). */
    public record Result(Configuration configuration, List<LoadDiagnostic> errors) {
        public Result {
            errors = List.copyOf(errors);
        }
    }

    private final Path file;
    private final String name;
    private final List<LoadDiagnostic> errors = new ArrayList<>();

    private ConfigurationLoader(Path file) {
        this.file = file;
        this.name = file.toString();
    }

    /** Reads and checks {@code file}. Never throws for bad content: the errors are in the result. */
    public static Result load(Path file) {
        return new ConfigurationLoader(file).read();
    }

    /** {@code .nsglint.yaml} in {@code start}'s folder (itself when it is one) or the nearest parent that has one. */
    public static java.util.Optional<Path> find(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        for (; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    private Result read() {
        Node root;
        try {
            if (!Files.exists(file)) {
                return failed(1, 1, "no such configuration file");
            }
            root = compose(file);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            return m == null ? failed(1, 1, "invalid YAML: " + problem)
                    : failed(m.getLine() + 1, m.getColumn() + 1, "invalid YAML: " + oneLine(problem));
        } catch (YAMLException e) {
            return failed(1, 1, "invalid YAML: " + oneLine(e.getMessage()));
        } catch (InputFileException e) {
            return failed(1, 1, e.getMessage());
        } catch (IOException e) {
            return failed(1, 1, "cannot read configuration file: " + e.getMessage());
        }
        if (root == null) {
            return new Result(withFile(Configuration.NONE), errors);
        }
        if (!(root instanceof MappingNode map)) {
            return failed(root, "the configuration must be a mapping of keys (failOn, severity, rules, ...)");
        }
        Configuration c = configuration(map);
        errors.sort(Comparator.comparingInt((LoadDiagnostic d) -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        return new Result(c, errors);
    }

    private static Node compose(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        String text = InputFiles.readUtf8(file, MAX_BYTES);
        // SnakeYAML's own alias limit has no position; count aliases first to point at the one over the limit.
        int aliases = 0;
        for (Event e : yaml.parse(new StringReader(text))) {
            if (e instanceof AliasEvent && ++aliases > MAX_ALIASES) {
                throw new MarkedYAMLException("", null, "more than " + MAX_ALIASES + " aliases (an alias bomb?)",
                        e.getStartMark()) {
                    private static final long serialVersionUID = 1L;
                };
            }
        }
        return yaml.compose(new StringReader(text));
    }

    private Configuration configuration(MappingNode root) {
        String failOn = null;
        List<RuleSetting> severity = new ArrayList<>();
        List<Path> rules = new ArrayList<>();
        List<ConfiguredSuppression> suppressions = new ArrayList<>();
        Path serviceTags = null;
        TargetMode targets = null;
        String bastionRuleSet = null;
        Path baseline = null;
        List<ConfiguredPorts> bastionPorts = new ArrayList<>();
        InternetWidth internet = null;
        List<ConfiguredSuppression> exemptions = new ArrayList<>();
        for (NodeTuple entry : entries(root, KEYS, "")) {
            String key = ((ScalarNode) entry.getKeyNode()).getValue();
            Node value = entry.getValueNode();
            switch (key) {
                case "failOn" -> failOn = choice(value, key, FAIL_ON);
                case "severity" -> severity = severity(value);
                case "rules" -> rules = paths(value, key);
                case "suppressions" -> suppressions = suppressions(value);
                case "serviceTags" -> serviceTags = path(value, key);
                case "targets" -> {
                    String t = choice(value, key, List.of("nic-subnets", "all-subnets"));
                    targets = t == null ? null : t.equals("all-subnets") ? TargetMode.ALL_SUBNETS
                            : TargetMode.SUBNETS_WITH_NICS;
                }
                case "bastionRuleSet" -> bastionRuleSet = choice(value, key, BASTION_RULE_SETS);
                case "baseline" -> baseline = path(value, key);
                case "bastion" -> bastionPorts = bastion(value);
                case "internet" -> internet = internet(value);
                case "exemptSubnets" -> exemptions.addAll(suppressions(value, Exemption.SUBNETS));
                case "appliances" -> exemptions.addAll(suppressions(value, Exemption.APPLIANCES));
                default -> throw new IllegalStateException("key list and switch disagree: " + key);
            }
        }
        List<ConfiguredSuppression> accepted = new ArrayList<>(suppressions);
        accepted.addAll(exemptions);
        return new Configuration(file, failOn, severity, rules, accepted, serviceTags, targets, bastionRuleSet,
                baseline, bastionPorts, internet);
    }

    /**
     * {@code internet: {ipv4: /16, ipv6: /32}}: public sources wider together than a block of these prefix lengths
     * are the Internet at large (NSG001, NSG005); narrower ones are an allow list (NSG016). Either may be left out.
     */
    private InternetWidth internet(Node value) {
        if (!(value instanceof MappingNode map)) {
            error(value, "'internet' must be a mapping, e.g. '{ipv4: /16, ipv6: /32}'");
            return null;
        }
        int v4 = InternetWidth.DEFAULT.v4PrefixLength();
        int v6 = InternetWidth.DEFAULT.v6PrefixLength();
        for (NodeTuple t : entries(map, INTERNET_KEYS, " in 'internet'")) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            int max = key.equals("ipv4") ? 32 : 128;
            String text = scalar(t.getValueNode(), "'internet." + key + "'");
            if (text == null) {
                continue;
            }
            String digits = text.strip().startsWith("/") ? text.strip().substring(1) : text.strip();
            int length;
            try {
                length = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0 || length > max) {
                error(t.getValueNode(), "'internet." + key + "' is a prefix length /0 to /" + max + ", not '"
                        + oneLine(text) + "'");
            } else if (key.equals("ipv4")) {
                v4 = length;
            } else {
                v6 = length;
            }
        }
        return new InternetWidth(v4, v6);
    }

    /** {@code bastion: {ports: [...]}}: custom ports of Standard and Premium Bastions, for every target or some. */
    private List<ConfiguredPorts> bastion(Node value) {
        List<ConfiguredPorts> out = new ArrayList<>();
        if (!(value instanceof MappingNode map)) {
            error(value, "'bastion' must be a mapping, e.g. 'ports: [2222]'");
            return out;
        }
        for (NodeTuple t : entries(map, BASTION_KEYS, " in 'bastion'")) {
            Node ports = t.getValueNode();
            if (!(ports instanceof SequenceNode list)) {
                error(ports, "'bastion.ports' must be a list of ports, or of {port, target}: e.g. [2222] or"
                        + " [{port: 2222, target: \"vm-linux-*\"}]");
                continue;
            }
            for (Node item : list.getValue()) {
                if (item instanceof ScalarNode) {
                    Integer port = port(item);
                    if (port != null) {
                        out.add(new ConfiguredPorts(null, List.of(port), location(item)));
                    }
                    continue;
                }
                if (!(item instanceof MappingNode entry)) {
                    error(item, "an entry of 'bastion.ports' is a port or a mapping {port, target}");
                    continue;
                }
                int errorsBefore = errors.size();
                Map<String, Node> fields = new HashMap<>();
                for (NodeTuple f : entries(entry, PORT_KEYS, " in an entry of 'bastion.ports'")) {
                    fields.put(((ScalarNode) f.getKeyNode()).getValue(), f.getValueNode());
                }
                if (!fields.containsKey("port")) {
                    error(entry, "an entry of 'bastion.ports' needs 'port'");
                    continue;
                }
                List<Integer> numbers = new ArrayList<>();
                Node p = fields.get("port");
                for (Node n : p instanceof SequenceNode seq ? seq.getValue() : List.of(p)) {
                    Integer port = port(n);
                    if (port != null && !numbers.contains(port)) {
                        numbers.add(port);
                    }
                }
                if (numbers.isEmpty() && errors.size() == errorsBefore) {
                    error(p, "'port' lists no port");
                }
                String target = fields.containsKey("target") ? scalar(fields.get("target"), "'target'") : null;
                if (target != null && target.isBlank()) {
                    error(fields.get("target"), "'target' must not be empty: leave it out to mean every target");
                    continue;
                }
                // An entry with any error is left out, as every entry of the file is.
                if (errors.size() == errorsBefore && !numbers.isEmpty()) {
                    out.add(new ConfiguredPorts(target == null ? null : new NamePattern(target), numbers,
                            location(entry)));
                }
            }
        }
        return out;
    }

    private Integer port(Node n) {
        String text = scalar(n, "a port");
        if (text == null) {
            return null;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(n, "a port is a number from 1 to 65535, not '" + text + "'");
        return null;
    }

    /** The entries of a mapping whose keys are all known and unique; the others are reported and left out. */
    private List<NodeTuple> entries(MappingNode map, Set<String> known, String within) {
        List<NodeTuple> out = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(t.getKeyNode(), "a key must be a plain name");
                continue;
            }
            String key = k.getValue();
            if (!known.contains(key)) {
                error(k, "unknown key '" + key + "'" + within + suggestion(key, known) + "; known keys: "
                        + known.stream().sorted().toList());
                continue;
            }
            Node earlier = seen.putIfAbsent(key, k);
            if (earlier != null) {
                error(k, "duplicate key '" + key + "' (first at line " + (earlier.getStartMark().getLine() + 1) + ")");
                continue;
            }
            out.add(t);
        }
        return out;
    }

    private List<RuleSetting> severity(Node value) {
        List<RuleSetting> out = new ArrayList<>();
        if (!(value instanceof MappingNode map)) {
            error(value, "'severity' must map rule IDs to off, error, warning or note, e.g. 'NSG003: off'");
            return out;
        }
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            String id = scalar(t.getKeyNode(), "a rule ID in 'severity'");
            if (id == null) {
                continue;
            }
            if (seen.putIfAbsent(id.toUpperCase(Locale.ROOT), t.getKeyNode()) != null) {
                error(t.getKeyNode(), "rule " + id + " is set twice in 'severity'");
                continue;
            }
            String level = choice(t.getValueNode(), "severity of " + id, RULE_LEVELS);
            if (level != null) {
                out.add(new RuleSetting(id, level.equals("off") ? null : Severity.parse(level).orElseThrow(),
                        location(t.getKeyNode())));
            }
        }
        return out;
    }

    private List<ConfiguredSuppression> suppressions(Node value) {
        return suppressions(value, null);
    }

    /**
     * A list of resources the project declares exempt from one rule, each {name pattern, justification,
     * expires}: written as the project's words, but each is a suppression of that rule, so it is reported as
     * accepted, with its reason, and noted when it matches nothing.
     */
    private enum Exemption {
        /** {@code exemptSubnets}: subnets the project keeps without an NSG. */
        SUBNETS("exemptSubnets", "subnet", "NSG006", "an exempt subnet"),
        /** {@code appliances}: NICs that forward IP traffic by design (network virtual appliances). */
        APPLIANCES("appliances", "nic", "NSG013", "an appliance");

        final String key;
        final String field;
        final String rule;
        final String what;

        Exemption(String key, String field, String rule, String what) {
            this.key = key;
            this.field = field;
            this.rule = rule;
            this.what = what;
        }

        Set<String> keys() {
            return Set.of(field, "justification", "expires");
        }
    }

    /** The suppressions of {@code suppressions}, or with {@code exemption} the entries of that key. */
    private List<ConfiguredSuppression> suppressions(Node value, Exemption exemption) {
        List<ConfiguredSuppression> out = new ArrayList<>();
        boolean exempt = exemption != null;
        String what = exempt ? exemption.what : "a suppression";
        if (!(value instanceof SequenceNode list)) {
            error(value, exempt ? "'" + exemption.key + "' must be a list of {" + exemption.field
                    + ", justification, expires}" : "'suppressions' must be a list of {rule, resource, justification,"
                    + " expires}");
            return out;
        }
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode map)) {
                error(item, exempt ? what + " must be a mapping with " + exemption.field + ", justification and"
                        + " optional expires" : "a suppression must be a mapping with rule, resource, justification and"
                        + " optional expires");
                continue;
            }
            Map<String, Node> fields = new HashMap<>();
            for (NodeTuple t : entries(map, exempt ? exemption.keys() : SUPPRESSION_KEYS, " in " + what)) {
                fields.put(((ScalarNode) t.getKeyNode()).getValue(), t.getValueNode());
            }
            String rule = exempt ? exemption.rule : required(fields, "rule", map, what);
            String resource = required(fields, exempt ? exemption.field : "resource", map, what);
            String justification = required(fields, "justification", map, what);
            if (justification != null && justification.isBlank()) {
                error(fields.get("justification"), what + " needs a justification: say why the finding is"
                        + " accepted");
                justification = null;
            }
            LocalDate expires = null;
            boolean badDate = false;
            if (fields.containsKey("expires")) {
                String text = scalar(fields.get("expires"), "'expires'");
                try {
                    // Four-digit years only: ISO's expanded years (+99999-12-31) would suppress for ever.
                    expires = text == null || !ISO_DATE.matcher(text).matches() ? null : LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    expires = null;
                }
                if (expires == null) {
                    error(fields.get("expires"), "'expires' must be a date YYYY-MM-DD such as 2027-03-31, not '"
                            + text + "'");
                }
                badDate = expires == null;
            }
            if (rule != null && resource != null && justification != null && !badDate) {
                out.add(new ConfiguredSuppression(rule, resource, justification, expires, location(map)));
            }
        }
        return out;
    }

    private String required(Map<String, Node> fields, String key, MappingNode map, String what) {
        Node n = fields.get(key);
        if (n == null) {
            error(map, what + " needs '" + key + "'");
            return null;
        }
        return scalar(n, "'" + key + "'");
    }

    private List<Path> paths(Node value, String key) {
        List<Path> out = new ArrayList<>();
        if (value instanceof ScalarNode) {
            Path p = path(value, key);
            if (p != null) {
                out.add(p);
            }
            return out;
        }
        if (!(value instanceof SequenceNode list)) {
            error(value, "'" + key + "' must be a path or a list of paths");
            return out;
        }
        for (Node item : list.getValue()) {
            Path p = path(item, key);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** A path, resolved against the configuration file's folder. */
    private Path path(Node value, String key) {
        String text = scalar(value, "'" + key + "'");
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            error(value, "'" + key + "' must not be empty");
            return null;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            return dir == null ? Path.of(text) : dir.resolve(text).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            error(value, "'" + key + "' is not a valid path: " + e.getReason());
            return null;
        }
    }

    private String choice(Node value, String what, List<String> allowed) {
        String text = scalar(value, "'" + what + "'");
        if (text == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(text)) {
                return a;
            }
        }
        error(value, what + " must be one of " + String.join(", ", allowed) + ", not '" + text + "'");
        return null;
    }

    /** A scalar's text, whatever YAML would resolve it to ({@code off} stays "off", not false). */
    private String scalar(Node value, String what) {
        if (value instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
            return s.getValue();
        }
        error(value, what + " must be a single value" + (value instanceof ScalarNode ? ", not empty" : ""));
        return null;
    }

    private static String suggestion(String key, Set<String> known) {
        for (String k : known) {
            if (k.equalsIgnoreCase(key) || editDistance(k.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)) <= 2) {
                return " (did you mean '" + k + "'?)";
            }
        }
        return "";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private SourceLocation location(Node n) {
        Mark m = n.getStartMark();
        return SourceLocation.caret(name, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1);
    }

    private void error(Node at, String message) {
        errors.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, location(at), message));
    }

    private Result failed(Node at, String message) {
        error(at, message);
        return new Result(withFile(Configuration.NONE), errors);
    }

    private Result failed(int line, int column, String message) {
        errors.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, SourceLocation.caret(name, line, column), message));
        return new Result(withFile(Configuration.NONE), errors);
    }

    private Configuration withFile(Configuration c) {
        return new Configuration(file, c.failOn(), c.severity(), c.rules(), c.suppressions(), c.serviceTags(),
                c.targets(), c.bastionRuleSet(), c.baseline(), c.bastionPorts(), c.internet());
    }
}
