package io.github.nsglint.core.fix;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JsonText;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.Fix;
import io.github.nsglint.core.report.Remedy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A security rule in template form, and the text that inserts it into an array, indented like its neighbours. */
final class RuleJson {

    private RuleJson() {
    }

    /** {@code {name, properties: {...}}} in the order Azure's documentation writes rules. */
    static Map<String, Object> rule(String name, int priority, Remedy r) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("description", "Added by nsglint: " + r.purpose().replace('-', ' '));
        props.put("protocol", r.protocol());
        props.put("sourcePortRange", "*");
        one(props, "destinationPortRange", r.ports());
        one(props, "sourceAddressPrefix", r.sources());
        one(props, "destinationAddressPrefix", r.destinations());
        props.put("access", "Allow");
        props.put("priority", priority);
        props.put("direction", r.direction().armName());
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", name);
        rule.put("properties", props);
        return rule;
    }

    /** Azure takes one value in the singular field, several in the plural one; never both. */
    private static void one(Map<String, Object> props, String singular, List<String> values) {
        if (values.size() == 1) {
            props.put(singular, values.get(0));
        } else {
            props.put(singular + "es".substring(singular.endsWith("Prefix") ? 0 : 1), values);
        }
    }

    /**
     * Rule names: letters, digits, '.', '-' and '_', starting with a letter or digit, ending with one or '_', at
     * most 80 characters.
     */
    static String sanitizeName(String wanted) {
        String s = wanted.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
        s = s.replaceAll("^[^A-Za-z0-9]+", "");
        if (s.length() > 76) {
            s = s.substring(0, 76);
        }
        s = s.replaceAll("[.-]+$", "");
        return s.isEmpty() ? "Allow-nsglint" : s;
    }

    /** The insertion that appends {@code rule} to {@code array}, in the coordinates of the unchanged text. */
    static Fix.TextEdit insertion(String text, JArray array, Map<String, Object> rule) {
        return insertion(Layout.of(text), array, rule);
    }

    /**
     * A file's lines, line ending and indentation unit, worked out once per file: an estate with thousands of
     * fixes must not split its files once per fix.
     */
    record Layout(String[] lines, String newline, String unit) {
        static Layout of(String text) {
            String[] lines = lines(text);
            return new Layout(lines, text.contains("\r\n") ? "\r\n" : "\n", guessUnit(lines));
        }

        /** The lines without their endings ({@code \n} or {@code \r\n}), as {@code split("\r?\n", -1)} gives. */
        static String[] lines(String text) {
            java.util.List<String> out = new java.util.ArrayList<>();
            int start = 0;
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                int end = nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
                out.add(text.substring(start, end));
                start = nl + 1;
            }
            out.add(text.substring(start));
            return out.toArray(new String[0]);
        }
    }

    static Fix.TextEdit insertion(Layout layout, JArray array, Map<String, Object> rule) {
        String[] lines = layout.lines();
        String newline = layout.newline();
        SourceLocation a = array.location();
        if (array.size() == 0) {
            String base = indentOf(lines[a.line() - 1]);
            String unit = layout.unit();
            String body = write(rule, base + unit, unit, newline);
            // after the '[': the rule on its own line, then the ']' back at the array's indentation
            return new Fix.TextEdit(a.line(), a.column() + 1, a.line(), a.column() + 1,
                    newline + base + unit + body + newline + base);
        }
        JNode last = array.get(array.size() - 1);
        SourceLocation l = last.location();
        String lastLine = lines[l.line() - 1];
        boolean ownLine = lastLine.substring(0, l.column() - 1).isBlank();
        if (!ownLine) {
            return new Fix.TextEdit(l.endLine(), l.endColumn(), l.endLine(), l.endColumn(),
                    ", " + write(rule, "", "", " "));
        }
        String indent = lastLine.substring(0, l.column() - 1);
        String unit = layout.unit();
        return new Fix.TextEdit(l.endLine(), l.endColumn(), l.endLine(), l.endColumn(),
                "," + newline + indent + write(rule, indent, unit, newline));
    }

    private static String indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /** The file's indentation step: a tab, or the smallest non-zero run of leading spaces (2 if none). */
    private static String guessUnit(String[] lines) {
        int smallest = Integer.MAX_VALUE;
        for (String line : lines) {
            String ind = indentOf(line);
            if (ind.startsWith("\t")) {
                return "\t";
            }
            if (!ind.isEmpty() && ind.length() < smallest && !line.isBlank()) {
                smallest = ind.length();
            }
        }
        return smallest == Integer.MAX_VALUE ? "  " : " ".repeat(smallest);
    }

    /**
     * JSON text of a value. With a non-empty {@code unit}, one member per line indented from {@code indent};
     * with an empty one, on one line ({@code newline} is then the separator after commas).
     */
    static String write(Object value, String indent, String unit, String newline) {
        StringBuilder sb = new StringBuilder();
        write(value, indent, unit, newline, sb);
        return sb.toString();
    }

    private static void write(Object value, String indent, String unit, String newline, StringBuilder sb) {
        boolean pretty = !unit.isEmpty();
        if (value instanceof Map<?, ?> map) {
            sb.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(i++ == 0 ? "" : ",").append(pretty ? newline + indent + unit : i == 1 ? "" : " ");
                JsonText.quote(e.getKey().toString(), sb);
                sb.append(": ");
                write(e.getValue(), indent + unit, unit, newline, sb);
            }
            sb.append(pretty ? newline + indent : "").append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                write(list.get(i), indent, "", newline, sb);
            }
            sb.append(']');
        } else if (value instanceof Number n) {
            sb.append(n);
        } else {
            JsonText.quote(String.valueOf(value), sb);
        }
    }
}
