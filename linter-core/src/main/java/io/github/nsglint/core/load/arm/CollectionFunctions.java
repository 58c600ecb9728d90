package io.github.nsglint.core.load.arm;

import static io.github.nsglint.core.load.arm.ArmFunction.collecting;
import static io.github.nsglint.core.load.arm.ArmFunction.eager;
import static io.github.nsglint.core.load.arm.ArmFunction.strict;
import static io.github.nsglint.core.load.arm.StringFunctions.bool;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Array and object functions, and those that work on both strings and arrays (length, first, skip, ...). */
final class CollectionFunctions {

    private CollectionFunctions() {
    }

    static void register(FunctionTable t) {
        t.register("createarray", collecting(0, Integer.MAX_VALUE, (a, inv) -> new JArray(a, inv.at())));
        t.register("array", eager(1, 1, (a, inv) -> a.get(0) instanceof JArray ? a.get(0)
                : new JArray(List.of(a.get(0)), inv.at())));
        t.register("createobject", collecting(0, Integer.MAX_VALUE, CollectionFunctions::createObject));
        t.register("null", eager(0, 0, (a, inv) -> new JNull(inv.at())));
        t.register("length", eager(1, 1, (a, inv) -> JNumber.of(length(a.get(0)), inv.at())));
        t.register("empty", eager(1, 1, (a, inv) -> bool(Values.isEmpty(a.get(0)), inv)));
        t.register("contains", eager(2, 2, CollectionFunctions::contains));
        t.register("first", eager(1, 1, (a, inv) -> edge(a.get(0), true, inv)));
        t.register("last", eager(1, 1, (a, inv) -> edge(a.get(0), false, inv)));
        t.register("skip", eager(2, 2, (a, inv) -> slice(a.get(0), Values.smallInteger(a.get(1), "the count"), true, inv)));
        t.register("take", eager(2, 2, (a, inv) -> slice(a.get(0), Values.smallInteger(a.get(1), "the count"), false, inv)));
        t.register("indexof", strict(2, 2, (a, inv) -> JNumber.of(indexOf(a.get(0), a.get(1), true), inv.at())));
        t.register("lastindexof", strict(2, 2, (a, inv) -> JNumber.of(indexOf(a.get(0), a.get(1), false), inv.at())));
        t.register("join", strict(2, 2, (a, inv) -> {
            List<String> parts = new ArrayList<>();
            Values.array(a.get(0), "the first argument of join()").elements().forEach(e -> parts.add(Values.text(e)));
            String delimiter = Values.string(a.get(1), "the delimiter");
            long length = (long) Math.max(0, parts.size() - 1) * delimiter.length();
            for (String p : parts) {
                length += p.length();
            }
            EvaluationBudget.requireSize(length + 2, "the string join() makes");
            return StringFunctions.str(String.join(delimiter, parts), inv);
        }));
        t.register("range", eager(2, 2, CollectionFunctions::range));
        t.register("flatten", eager(1, 1, (a, inv) -> {
            List<JNode> out = new ArrayList<>();
            for (JNode e : Values.array(a.get(0), "the argument of flatten()").elements()) {
                if (e instanceof JUnknown) {
                    return e;
                }
                out.addAll(Values.array(e, "every element of flatten()'s argument").elements());
            }
            return new JArray(out, inv.at());
        }));
        t.register("union", strict(1, Integer.MAX_VALUE, CollectionFunctions::union));
        t.register("distinct", strict(1, 1, CollectionFunctions::distinct));
        t.register("intersection", strict(1, Integer.MAX_VALUE, CollectionFunctions::intersection));
        t.register("objectkeys", eager(1, 1, (a, inv) -> {
            List<JNode> keys = new ArrayList<>();
            Values.object(a.get(0), "the argument of objectKeys()").members().keySet()
                    .forEach(k -> keys.add(new JString(k, inv.at())));
            return new JArray(keys, inv.at());
        }));
        t.register("items", eager(1, 1, CollectionFunctions::items));
        t.register("shallowmerge", eager(1, 1, (a, inv) -> {
            Map<String, JNode> out = new LinkedHashMap<>();
            for (JNode e : Values.array(a.get(0), "the argument of shallowMerge()").elements()) {
                if (e instanceof JUnknown) {
                    return e;
                }
                putAll(out, Values.object(e, "every element of shallowMerge()'s argument"));
            }
            return new JObject(out, inv.at());
        }));
        t.register("max", strict(1, Integer.MAX_VALUE, (a, inv) -> extreme(a, true, inv)));
        t.register("min", strict(1, Integer.MAX_VALUE, (a, inv) -> extreme(a, false, inv)));
        t.register("tryget", eager(2, Integer.MAX_VALUE, CollectionFunctions::tryGet));
        t.register("indexfromend", eager(2, 2, (a, inv) -> fromEnd(a, false, inv)));
        t.register("tryindexfromend", eager(2, 2, (a, inv) -> fromEnd(a, true, inv)));
    }

    private static JNode createObject(List<JNode> a, Invocation inv) {
        if (a.size() % 2 != 0) {
            throw new ArmEvaluationException("createObject() needs key and value pairs, but has " + a.size()
                    + " arguments");
        }
        Map<String, JNode> out = new LinkedHashMap<>();
        for (int i = 0; i < a.size(); i += 2) {
            if (a.get(i) instanceof JUnknown u) {
                return u;
            }
            out.put(Values.string(a.get(i), "a key of createObject()"), a.get(i + 1));
        }
        return new JObject(out, inv.at());
    }

    private static long length(JNode n) {
        if (n instanceof JNull) {
            // Bicep modules count optional (null) arrays with length(); ARM gives 0.
            return 0;
        }
        if (n instanceof JString s) {
            return s.value().length();
        }
        if (n instanceof JArray a) {
            return a.size();
        }
        if (n instanceof JObject o) {
            return o.members().size();
        }
        throw new ArmEvaluationException("length() needs a string, array or object but was given " + n.typeName());
    }

    private static JNode contains(List<JNode> a, Invocation inv) {
        JNode container = a.get(0);
        JNode item = a.get(1);
        if (item instanceof JUnknown) {
            return item;
        }
        if (container instanceof JString s) {
            return bool(s.value().contains(Values.text(item)), inv);
        }
        if (container instanceof JObject o) {
            return bool(o.has(Values.string(item, "the key of contains()")), inv);
        }
        JUnknown unknownElement = null;
        inv.spend(inv.budget().size(container));
        for (JNode e : Values.array(container, "the first argument of contains()").elements()) {
            if (e.containsUnknown()) {
                unknownElement = Values.firstUnknown(e);
            } else if (Values.deepEquals(e, item)) {
                return bool(true, inv);
            }
        }
        // Not found among the known elements: an unknown one might still be it.
        return unknownElement != null ? unknownElement : bool(false, inv);
    }

    private static JNode edge(JNode n, boolean first, Invocation inv) {
        if (n instanceof JString s) {
            return StringFunctions.str(s.value().isEmpty() ? ""
                    : String.valueOf(first ? s.value().charAt(0) : s.value().charAt(s.value().length() - 1)), inv);
        }
        JArray a = Values.array(n, "the argument of " + (first ? "first()" : "last()"));
        return a.size() == 0 ? new JNull(inv.at()) : a.get(first ? 0 : a.size() - 1);
    }

    private static JNode slice(JNode n, int count, boolean skip, Invocation inv) {
        if (n instanceof JString s) {
            int c = Math.max(0, Math.min(count, s.value().length()));
            return StringFunctions.str(skip ? s.value().substring(c) : s.value().substring(0, c), inv);
        }
        JArray a = Values.array(n, "the first argument of " + (skip ? "skip()" : "take()"));
        int c = Math.max(0, Math.min(count, a.size()));
        return new JArray(skip ? a.elements().subList(c, a.size()) : a.elements().subList(0, c), inv.at());
    }

    /** String search is case-insensitive in ARM; array search compares values exactly. */
    private static long indexOf(JNode container, JNode item, boolean first) {
        if (container instanceof JString s) {
            String hay = s.value().toLowerCase(Locale.ROOT);
            String needle = Values.string(item, "the string to find").toLowerCase(Locale.ROOT);
            return first ? hay.indexOf(needle) : hay.lastIndexOf(needle);
        }
        List<JNode> elements = Values.array(container, "the first argument of indexOf()").elements();
        for (int k = 0; k < elements.size(); k++) {
            int i = first ? k : elements.size() - 1 - k;
            if (Values.deepEquals(elements.get(i), item)) {
                return i;
            }
        }
        return -1;
    }

    private static JNode range(List<JNode> a, Invocation inv) {
        long start = Values.integer(a.get(0), "the start of range()");
        long count = Values.integer(a.get(1), "the count of range()");
        if (count < 0 || count > 10_000) {
            throw new ArmEvaluationException("range() count " + count + " is outside 0..10000");
        }
        inv.spend(count);
        List<JNode> out = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            out.add(JNumber.of(start + i, inv.at()));
        }
        return new JArray(out, inv.at());
    }

    private static JNode union(List<JNode> a, Invocation inv) {
        if (a.get(0) instanceof JObject) {
            Map<String, JNode> out = new LinkedHashMap<>();
            for (JNode n : a) {
                if (!(n instanceof JNull)) {
                    putAll(out, Values.object(n, "every argument of union() over objects"));
                }
            }
            return new JObject(out, inv.at());
        }
        List<JNode> out = new ArrayList<>();
        for (JNode n : a) {
            if (n instanceof JNull) {
                continue;
            }
            for (JNode e : Values.array(n, "every argument of union() over arrays").elements()) {
                inv.spend(out.size() + 1L);
                if (out.stream().noneMatch(x -> Values.deepEquals(x, e))) {
                    out.add(e);
                }
            }
        }
        return new JArray(out, inv.at());
    }

    /** {@code distinct(array)}: each value once (ARM's deep equality), at its first position. */
    private static JNode distinct(List<JNode> a, Invocation inv) {
        List<JNode> out = new ArrayList<>();
        for (JNode e : Values.array(a.get(0), "the argument of distinct()").elements()) {
            inv.spend(out.size() + 1L);
            if (out.stream().noneMatch(x -> Values.deepEquals(x, e))) {
                out.add(e);
            }
        }
        return new JArray(out, inv.at());
    }

    private static JNode intersection(List<JNode> a, Invocation inv) {
        if (a.get(0) instanceof JObject first) {
            Map<String, JNode> out = new LinkedHashMap<>();
            first.members().forEach((k, v) -> {
                boolean inAll = a.stream().skip(1).allMatch(n -> {
                    JNode other = Values.object(n, "every argument of intersection()").getOrNull(k);
                    return other != null && Values.deepEquals(v, other);
                });
                if (inAll) {
                    out.put(k, v);
                }
            });
            return new JObject(out, inv.at());
        }
        List<JNode> out = new ArrayList<>();
        for (JNode e : Values.array(a.get(0), "every argument of intersection()").elements()) {
            for (JNode n : a) {
                inv.spend(n instanceof JArray arr ? arr.size() : 1);
            }
            boolean inAll = a.stream().skip(1).allMatch(n -> Values.array(n, "every argument of intersection()")
                    .elements().stream().anyMatch(x -> Values.deepEquals(x, e)));
            if (inAll && out.stream().noneMatch(x -> Values.deepEquals(x, e))) {
                out.add(e);
            }
        }
        return new JArray(out, inv.at());
    }

    /** ARM's items(): the object's entries as {key, value} objects, sorted by key. */
    private static JNode items(List<JNode> a, Invocation inv) {
        JObject o = Values.object(a.get(0), "the argument of items()");
        List<Map.Entry<String, JNode>> entries = new ArrayList<>(o.members().entrySet());
        entries.sort(Map.Entry.comparingByKey(Comparator.comparing((String k) -> k.toLowerCase(Locale.ROOT))));
        List<JNode> out = new ArrayList<>();
        for (Map.Entry<String, JNode> e : entries) {
            Map<String, JNode> item = new LinkedHashMap<>();
            item.put("key", new JString(e.getKey(), inv.at()));
            item.put("value", e.getValue());
            out.add(new JObject(item, inv.at()));
        }
        return new JArray(out, inv.at());
    }

    private static void putAll(Map<String, JNode> out, JObject o) {
        for (Map.Entry<String, JNode> e : o.members().entrySet()) {
            out.keySet().removeIf(k -> k.equalsIgnoreCase(e.getKey()));
            out.put(e.getKey(), e.getValue());
        }
    }

    private static JNode extreme(List<JNode> a, boolean max, Invocation inv) {
        List<JNode> values = a.size() == 1 && a.get(0) instanceof JArray arr ? arr.elements() : a;
        if (values.isEmpty()) {
            throw new ArmEvaluationException((max ? "max" : "min") + "() needs at least one value");
        }
        JNumber best = null;
        for (JNode v : values) {
            if (!(v instanceof JNumber n)) {
                throw Values.typeError("every argument of " + (max ? "max()" : "min()"), "Integer", v);
            }
            if (best == null || (max ? n.value().compareTo(best.value()) > 0 : n.value().compareTo(best.value()) < 0)) {
                best = n;
            }
        }
        return new JNumber(best.value(), inv.at());
    }

    private static JNode tryGet(List<JNode> a, Invocation inv) {
        JNode current = a.get(0);
        for (int i = 1; i < a.size(); i++) {
            JNode key = a.get(i);
            if (current instanceof JUnknown) {
                return current;
            }
            if (current instanceof JObject o && key instanceof JString k) {
                current = o.getOrNull(k.value());
            } else if (current instanceof JArray arr && key instanceof JNumber n) {
                long idx = n.value().longValue();
                current = idx >= 0 && idx < arr.size() ? arr.get((int) idx) : null;
            } else {
                current = null;
            }
            if (current == null) {
                return new JNull(inv.at());
            }
        }
        return current;
    }

    private static JNode fromEnd(List<JNode> a, boolean lenient, Invocation inv) {
        JArray arr = Values.array(a.get(0), "the first argument of indexFromEnd()");
        long i = Values.integer(a.get(1), "the index");
        if (i < 1 || i > arr.size()) {
            if (lenient) {
                return new JNull(inv.at());
            }
            throw new ArmEvaluationException("index from end " + i + " is out of range of an array of " + arr.size());
        }
        return arr.get((int) (arr.size() - i));
    }
}
