package io.github.nsglint.core.engine;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.report.RuleMetadata;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.grammar.ast.AddressSpec;
import io.github.nsglint.grammar.ast.Assertion;
import io.github.nsglint.grammar.ast.Clause;
import io.github.nsglint.grammar.ast.Expr;
import io.github.nsglint.grammar.ast.MetadataEntry;
import io.github.nsglint.grammar.ast.MetadataValue;
import io.github.nsglint.grammar.ast.PortSpec;
import io.github.nsglint.grammar.ast.RuleDecl;
import io.github.nsglint.grammar.ast.RuleFile;
import io.github.nsglint.grammar.ast.SourcePos;
import io.github.nsglint.grammar.parser.RuleError;
import io.github.nsglint.grammar.parser.RuleParser;
import io.github.nsglint.grammar.parser.RuleSyntaxException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks parsed rules against the schema (kinds, fields, functions, types, metadata) and produces policies.
 * Every error of a file is collected with its position; a file with any error yields no policy.
 */
final class PolicyCompiler {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ID = Pattern.compile("[A-Z]{3}[0-9]{3}|[A-Z][A-Z0-9_-]{2,40}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final Set<String> REQUIRED = Set.of("name", "severity", "since", "summary", "message");
    private static final Set<String> OPTIONAL = Set.of("help", "example", "helpUri", "tags", "ruleSet");
    private static final Set<String> RULE_SETS = Set.of("current", "bastion-2020");
    /** What a flow expectation can be about: each is judged through the NSGs that apply to it. */
    private static final Set<String> FLOW_TARGETS = Set.of("subnet", "nsg", "nic", "endpoint");

    private final String sourceName;
    private final Placeholders placeholders;
    private final List<RuleError> errors = new ArrayList<>();

    private PolicyCompiler(String sourceName, Placeholders placeholders) {
        this.sourceName = sourceName;
        this.placeholders = placeholders;
    }

    /**
     * Gives the expression of a message placeholder ({@code {n.name}}), or throws {@link RuleSyntaxException}.
     * The parser's by default; the built-in rules' come from their precompiled form ({@link PrecompiledRules}).
     */
    interface Placeholders {
        Expr parse(String text, String sourceName, SourcePos at);
    }

    /** What compiling a file gives: its policies, or its errors. */
    record Result(List<Policy> policies, List<RuleError> errors) {
    }

    static Result compile(RuleFile file) {
        return compile(file, RuleParser::parseExpression);
    }

    static Result compile(RuleFile file, Placeholders placeholders) {
        PolicyCompiler c = new PolicyCompiler(file.sourceName(), placeholders);
        List<Policy> out = new ArrayList<>();
        for (RuleDecl r : file.rules()) {
            Policy p = c.rule(r);
            if (p != null) {
                out.add(p);
            }
        }
        return c.errors.isEmpty() ? new Result(out, List.of()) : new Result(List.of(), List.copyOf(c.errors));
    }

    private void error(SourcePos pos, String message) {
        errors.add(new RuleError(sourceName, pos.line(), pos.column(), message));
    }

    // ---- rules and metadata ------------------------------------------------------------------------------

    private Policy rule(RuleDecl r) {
        int before = errors.size();
        if (!ID.matcher(r.id()).matches()) {
            error(r.pos(), "rule ID '" + r.id() + "' must be three capital letters and three digits (BAS011) or an"
                    + " upper-case name of your own");
        }
        Map<String, MetadataEntry> meta = new LinkedHashMap<>();
        for (MetadataEntry e : r.metadata()) {
            if (!REQUIRED.contains(e.key()) && !OPTIONAL.contains(e.key())) {
                error(e.pos(), "unknown metadata key '" + e.key() + "'; known: " + sorted(REQUIRED, OPTIONAL));
            } else if (meta.putIfAbsent(e.key(), e) != null) {
                error(e.pos(), "metadata key '" + e.key() + "' is given twice");
            }
        }
        for (String key : REQUIRED) {
            if (!meta.containsKey(key)) {
                error(r.pos(), "rule " + r.id() + " needs '" + key + "'");
            }
        }
        String name = text(meta.get("name"), "");
        if (meta.containsKey("name") && !KEBAB.matcher(name).matches()) {
            error(meta.get("name").value().pos(), "name '" + name + "' must be kebab-case (bastion-in-https-internet)");
        }
        Severity severity = Severity.ERROR;
        if (meta.containsKey("severity")) {
            MetadataValue v = meta.get("severity").value();
            String s = v instanceof MetadataValue.Name n ? n.value() : v instanceof MetadataValue.Text t ? t.value() : "";
            severity = Severity.parse(s).orElse(null);
            if (severity == null) {
                error(v.pos(), "severity must be error, warning or note");
                severity = Severity.ERROR;
            }
        }
        URI helpUri = URI.create("https://github.com/nsglint/nsglint/blob/main/rules/README.md");
        if (meta.containsKey("helpUri")) {
            try {
                URI given = new URI(text(meta.get("helpUri"), ""));
                // Reports link to it (SARIF, HTML): only a web address, never javascript:, data: or file:.
                if (given.getScheme() != null && given.isAbsolute() && given.getHost() != null
                        && (given.getScheme().equalsIgnoreCase("https") || given.getScheme().equalsIgnoreCase("http"))) {
                    helpUri = given;
                } else {
                    error(meta.get("helpUri").value().pos(), "helpUri must be an https: or http: address, not '"
                            + given + "'");
                }
            } catch (URISyntaxException e) {
                error(meta.get("helpUri").value().pos(), "helpUri is not a URI: " + e.getReason());
            }
        }
        Set<String> tags = new HashSet<>();
        if (meta.containsKey("tags")) {
            if (meta.get("tags").value() instanceof MetadataValue.Items items) {
                for (MetadataValue t : items.items()) {
                    if (t instanceof MetadataValue.Text s) {
                        tags.add(s.value());
                    } else {
                        error(t.pos(), "tags are strings");
                    }
                }
            } else {
                error(meta.get("tags").value().pos(), "tags is a list of strings: [\"bastion\", \"exposure\"]");
            }
        }
        String ruleSet = text(meta.get("ruleSet"), "");
        if (meta.containsKey("ruleSet") && !RULE_SETS.contains(ruleSet)) {
            error(meta.get("ruleSet").value().pos(), "ruleSet must be one of " + RULE_SETS.stream().sorted().toList());
        }
        String summary = text(meta.get("summary"), "");
        if (summary.contains("\n")) {
            error(meta.get("summary").value().pos(), "summary is one line");
        }

        Map<String, Type> env = new LinkedHashMap<>();
        List<Clause.For> scopes = new ArrayList<>();
        List<Assertion> assertions = new ArrayList<>();
        List<Clause.Expect> expects = new ArrayList<>();
        for (Clause c : r.clauses()) {
            if (c instanceof Clause.For f) {
                if (!assertions.isEmpty()) {
                    error(f.pos(), "'for' comes before the 'expect' clauses of a rule");
                }
                scope(f, env);
                scopes.add(f);
            } else {
                Clause.Expect x = (Clause.Expect) c;
                assertion(x.assertion(), env);
                x.guard().ifPresent(g -> expect(g, env, Type.BOOL, "a 'when' condition"));
                assertions.add(x.assertion());
                expects.add(x);
            }
        }
        if (assertions.isEmpty()) {
            error(r.pos(), "rule " + r.id() + " expects nothing: add an 'expect' clause");
        }
        List<Object> message = meta.containsKey("message") ? message(text(meta.get("message"), ""),
                meta.get("message").value().pos(), env) : List.of();
        List<Policy.Check> checks = new ArrayList<>();
        for (Clause.Expect x : expects) {
            checks.add(new Policy.Check(x.assertion(), x.guardOrNull(), x.message()
                    .map(m -> message(m, x.messagePos(), env)).orElse(message)));
        }
        if (errors.size() > before) {
            return null;
        }
        RuleMetadata m = new RuleMetadata(r.id(), name, severity, text(meta.get("since"), ""), summary,
                text(meta.get("help"), summary), text(meta.get("example"), ""), text(meta.get("message"), ""), helpUri,
                tags, ruleSet,
                sourceName + ":" + r.pos().line());
        return new Policy(m, scopes, checks, message, env);
    }

    private String text(MetadataEntry e, String fallback) {
        if (e == null) {
            return fallback;
        }
        if (e.value() instanceof MetadataValue.Text t) {
            return t.value();
        }
        if (e.value() instanceof MetadataValue.Name n) {
            return n.value();
        }
        if (e.value() instanceof MetadataValue.Number n) {
            return String.valueOf(n.value());
        }
        error(e.value().pos(), "'" + e.key() + "' is a string");
        return fallback;
    }

    private List<Object> message(String template, SourcePos at, Map<String, Type> env) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            parts.add(template.substring(last, m.start()));
            String inner = m.group(1).trim();
            if (Policy.SPECIAL_PLACEHOLDERS.contains(inner)) {
                parts.add(new Policy.Special(inner));
            } else {
                // In a one-line message the placeholder's own column is known: point there.
                SourcePos where = template.indexOf('\n') < 0
                        ? new SourcePos(at.line(), at.column() + 1 + m.start(1) + (m.group(1).length()
                                - m.group(1).stripLeading().length()))
                        : at;
                try {
                    Expr x = placeholders.parse(inner, sourceName, where);
                    type(x, env);
                    parts.add(x);
                } catch (RuleSyntaxException ex) {
                    error(where, "in message placeholder {" + inner + "}: " + ex.getErrorMessage());
                }
            }
            last = m.end();
        }
        parts.add(template.substring(last));
        return parts;
    }

    // ---- clauses -----------------------------------------------------------------------------------------

    private void scope(Clause.For f, Map<String, Type> env) {
        if (!Schema.KINDS.containsKey(f.kind())) {
            error(f.pos(), "unknown kind '" + f.kind() + "'; kinds: " + String.join(", ", Schema.KINDS.keySet()));
            return;
        }
        if (!Character.isLowerCase(f.variable().charAt(0))) {
            error(f.pos(), "variable '" + f.variable() + "' must start with a lower-case letter (upper case names"
                    + " are service tags)");
        }
        if (env.containsKey(f.variable())) {
            error(f.pos(), "variable '" + f.variable() + "' is already bound");
        }
        if (f.source().isPresent()) {
            Type t = type(f.source().get(), env);
            if (t != null && (!t.isList() || t.element() != null && !t.element().name().equals(f.kind()))) {
                error(f.source().get().pos(), "'for " + f.kind() + " " + f.variable() + " in ...' needs a list of "
                        + f.kind() + ", not " + t);
            }
        } else if (!Schema.isTopLevel(f.kind())) {
            error(f.pos(), "items of kind '" + f.kind() + "' come from a function: write 'for " + f.kind() + " "
                    + f.variable() + " in ...'");
        }
        env.put(f.variable(), Type.kind(f.kind()));
        f.condition().ifPresent(c -> expect(c, env, Type.BOOL, "a 'where' condition"));
    }

    private void assertion(Assertion a, Map<String, Type> env) {
        if (a instanceof Assertion.Property p) {
            expect(p.condition(), env, Type.BOOL, "an expectation");
        } else if (a instanceof Assertion.None n) {
            Type t = type(n.items(), env);
            if (t != null && !t.isList()) {
                error(n.items().pos(), "'expect none' needs a list, not " + t);
            }
        } else {
            flow((Assertion.Flow) a, env);
        }
    }

    private void flow(Assertion.Flow f, Map<String, Type> env) {
        Type target = type(f.target(), env);
        Type each = target != null && target.isList() ? target.element() : target;
        if (target != null && (each == null || !FLOW_TARGETS.contains(each.name()))) {
            error(f.target().pos(), "a flow expectation is about a subnet, an nsg, a nic or an endpoint (or a list of"
                    + " them), not " + target);
        }
        if (!f.protocol().equals("*") && Protocol.parse(f.protocol()).isEmpty()) {
            error(f.protocolPos(), "unknown protocol '" + f.protocol() + "'; protocols: Tcp, Udp, Icmp, Esp, Ah, *");
        }
        for (AddressSpec s : f.peers()) {
            address(s, env);
        }
        for (AddressSpec s : f.onlyFrom()) {
            address(s, env);
        }
        if (!f.onlyFrom().isEmpty() && (f.verb() != Assertion.Verb.ALLOWS || f.way() != Assertion.Way.INBOUND)) {
            error(f.pos(), "'only from' is for 'allows inbound'");
        }
        for (PortSpec p : f.ports()) {
            if (p instanceof PortSpec.Of o) {
                Type t = type(o.value(), env);
                if (t != null && !t.equals(Type.INT) && !(t.isList() && (t.element() == null
                        || t.element().equals(Type.INT) || t.element().equals(Type.STRING)))) {
                    error(o.pos(), "ports are numbers, ranges 'a-b' or lists of them, not " + t);
                }
            }
        }
    }

    /** An address: {@code *}, a service tag (a capitalised name), a CIDR string, or a subnet, VNet or list of them. */
    private void address(AddressSpec s, Map<String, Type> env) {
        if (!(s instanceof AddressSpec.Of o)) {
            return;
        }
        String tag = tagName(o.value(), env);
        if (tag != null) {
            return;
        }
        if (o.value() instanceof Expr.Text t) {
            if (AddressSpace.cidr(t.value()).isEmpty()) {
                error(t.pos(), "'" + t.value() + "' is not an IP address or CIDR");
            }
            return;
        }
        Type type = type(o.value(), env);
        if (type != null && !Set.of("subnet", "vnet", "nic", "string", "address").contains(type.isList()
                && type.element() != null ? type.element().name() : type.name())) {
            error(o.value().pos(), "an address is *, a service tag, a CIDR, a subnet, a vnet or a nic, not " + type);
        }
    }

    /** A capitalised name or dotted name that no variable binds is a service tag: Internet, Storage.WestEurope. */
    static String tagName(Expr e, Map<String, Type> env) {
        if (e instanceof Expr.Name n && Character.isUpperCase(n.name().charAt(0)) && !env.containsKey(n.name())) {
            return n.name();
        }
        if (e instanceof Expr.Field f) {
            String base = tagName(f.base(), env);
            return base == null ? null : base + "." + f.field();
        }
        return null;
    }

    // ---- expressions -------------------------------------------------------------------------------------

    private void expect(Expr e, Map<String, Type> env, Type wanted, String what) {
        Type t = type(e, env);
        if (t != null && !t.equals(wanted)) {
            error(e.pos(), what + " must be " + wanted + ", not " + t);
        }
    }

    /** The static type of an expression, or null after reporting an error. */
    private Type type(Expr e, Map<String, Type> env) {
        if (e instanceof Expr.Text) {
            return Type.STRING;
        }
        if (e instanceof Expr.Integer) {
            return Type.INT;
        }
        if (e instanceof Expr.Bool) {
            return Type.BOOL;
        }
        if (e instanceof Expr.Name n) {
            Type t = env.get(n.name());
            if (t == null) {
                error(n.pos(), "unknown name '" + n.name() + "'" + (env.isEmpty() ? ""
                        : "; in scope: " + String.join(", ", env.keySet())));
            }
            return t;
        }
        if (e instanceof Expr.Field f) {
            Type base = type(f.base(), env);
            if (base == null) {
                return null;
            }
            Map<String, Schema.FieldDef> fields = base.isElement() ? Schema.KINDS.get(base.name()) : null;
            if (fields == null) {
                error(f.pos(), "a " + base + " has no fields");
                return null;
            }
            Schema.FieldDef d = fields.get(f.field());
            if (d == null) {
                error(f.pos(), base.name() + " has no field '" + f.field() + "'; fields: "
                        + String.join(", ", fields.keySet()));
                return null;
            }
            return d.type();
        }
        if (e instanceof Expr.Exists x) {
            type(x.operand(), env);
            return Type.BOOL;
        }
        if (e instanceof Expr.Not n) {
            expect(n.operand(), env, Type.BOOL, "the operand of 'not'");
            return Type.BOOL;
        }
        if (e instanceof Expr.Logical l) {
            expect(l.left(), env, Type.BOOL, "the left of '" + l.op().name().toLowerCase(java.util.Locale.ROOT) + "'");
            expect(l.right(), env, Type.BOOL, "the right of '" + l.op().name().toLowerCase(java.util.Locale.ROOT) + "'");
            return Type.BOOL;
        }
        if (e instanceof Expr.Comparison c) {
            Type l = type(c.left(), env);
            Type r = type(c.right(), env);
            if (l != null && r != null && !l.equals(r)) {
                error(c.pos(), "cannot compare " + l + " with " + r);
            } else if (l != null && c.op() != Expr.CompareOp.EQ && c.op() != Expr.CompareOp.NEQ && !l.equals(Type.INT)) {
                error(c.pos(), "'" + c.op().symbol() + "' compares numbers, not " + l);
            }
            return Type.BOOL;
        }
        if (e instanceof Expr.In in) {
            Type v = type(in.value(), env);
            Type coll = type(in.collection(), env);
            if (coll != null && !coll.isList()) {
                error(in.collection().pos(), "'in' needs a list, not " + coll);
            } else if (v != null && coll != null && coll.element() != null && !coll.element().equals(v)) {
                error(in.pos(), "cannot look for a " + v + " in a " + coll);
            }
            return Type.BOOL;
        }
        if (e instanceof Expr.Matches m) {
            expect(m.value(), env, Type.STRING, "the value of 'matches'");
            return Type.BOOL;
        }
        if (e instanceof Expr.Items items) {
            Type element = null;
            for (Expr x : items.items()) {
                Type t = type(x, env);
                if (element == null) {
                    element = t;
                } else if (t != null && !t.equals(element)) {
                    error(x.pos(), "a list holds one type: " + element + ", not " + t);
                }
            }
            return Type.listOf(element);
        }
        Expr.Call call = (Expr.Call) e;
        Functions.Signature sig = Functions.ALL.get(call.name());
        if (sig == null) {
            error(call.pos(), "unknown function '" + call.name() + "'; functions: "
                    + String.join(", ", new java.util.TreeSet<>(Functions.ALL.keySet())));
            return null;
        }
        if (sig.args().size() != call.args().size()) {
            error(call.pos(), call.name() + "() takes " + sig.args().size() + " argument(s), not " + call.args().size());
            return sig.result();
        }
        for (int i = 0; i < sig.args().size(); i++) {
            Type want = sig.args().get(i);
            Type got = type(call.args().get(i), env);
            boolean ok = got == null || (want.isList() ? got.isList() : want.equals(got));
            if (!ok) {
                error(call.args().get(i).pos(), call.name() + "() takes a " + want + ", not " + got);
            }
        }
        return sig.result();
    }

    private static String sorted(Set<String> a, Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return String.join(", ", all);
    }
}
