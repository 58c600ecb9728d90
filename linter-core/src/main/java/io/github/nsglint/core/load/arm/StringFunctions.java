package io.github.nsglint.core.load.arm;

import static io.github.nsglint.core.load.arm.ArmFunction.eager;
import static io.github.nsglint.core.load.arm.ArmFunction.strict;

import io.github.nsglint.core.internal.net.Sha256;
import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JBool;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.load.json.JsonReader;
import io.github.nsglint.core.load.json.OpaqueSymbols;
import io.github.nsglint.core.model.NamePattern;
import io.github.nsglint.core.model.SourceLocation;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** String functions: concat, format, replace, split, json, uniqueString, guid and the rest. */
final class StringFunctions {

    private static final JsonReader JSON = new JsonReader();
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private StringFunctions() {
    }

    static void register(FunctionTable t) {
        t.register("concat", strict(1, Integer.MAX_VALUE, StringFunctions::concat));
        t.register("format", strict(1, Integer.MAX_VALUE, (a, inv) -> str(format(
                Values.string(a.get(0), "the format string"), a.subList(1, a.size()), inv), inv)));
        t.register("tolower", eager(1, 1, (a, inv) -> str(OpaqueSymbols.mapOutside(s(a, 0), part -> part.toLowerCase(Locale.ROOT)), inv)));
        t.register("toupper", eager(1, 1, (a, inv) -> str(OpaqueSymbols.mapOutside(s(a, 0), part -> part.toUpperCase(Locale.ROOT)), inv)));
        t.register("trim", eager(1, 1, (a, inv) -> str(s(a, 0).trim(), inv)));
        t.register("replace", eager(3, 3, StringFunctions::replace));
        t.register("startswith", eager(2, 2, (a, inv) -> bool(
                s(a, 0).toLowerCase(Locale.ROOT).startsWith(s(a, 1).toLowerCase(Locale.ROOT)), inv)));
        t.register("endswith", eager(2, 2, (a, inv) -> bool(
                s(a, 0).toLowerCase(Locale.ROOT).endsWith(s(a, 1).toLowerCase(Locale.ROOT)), inv)));
        t.register("substring", eager(2, 3, StringFunctions::substring));
        t.register("like", eager(2, 2, StringFunctions::like));
        t.register("padleft", eager(2, 3, StringFunctions::padLeft));
        t.register("split", eager(2, 2, StringFunctions::split));
        t.register("string", strict(1, 1, (a, inv) -> str(Values.text(a.get(0)), inv)));
        t.register("base64", eager(1, 1, (a, inv) -> str(
                Base64.getEncoder().encodeToString(s(a, 0).getBytes(StandardCharsets.UTF_8)), inv)));
        t.register("base64tostring", eager(1, 1, (a, inv) -> str(decodeBase64(s(a, 0)), inv)));
        t.register("base64tojson", eager(1, 1, (a, inv) -> json(decodeBase64(s(a, 0)), inv)));
        t.register("json", eager(1, 1, (a, inv) -> json(s(a, 0), inv)));
        t.register("datauri", strict(1, 1, (a, inv) -> str("data:text/plain;charset=utf8;base64,"
                + Base64.getEncoder().encodeToString(Values.text(a.get(0)).getBytes(StandardCharsets.UTF_8)), inv)));
        t.register("datauritostring", eager(1, 1, (a, inv) -> {
            String uri = s(a, 0);
            int comma = uri.indexOf(',');
            if (!uri.startsWith("data:") || comma < 0) {
                throw new ArmEvaluationException("not a data URI: " + uri);
            }
            String data = uri.substring(comma + 1);
            return str(uri.substring(0, comma).endsWith(";base64") ? decodeBase64(data)
                    : URLDecoder.decode(data, StandardCharsets.UTF_8), inv);
        }));
        t.register("uri", eager(2, 2, (a, inv) -> {
            try {
                return str(URI.create(s(a, 0)).resolve(s(a, 1)).toString(), inv);
            } catch (IllegalArgumentException e) {
                throw new ArmEvaluationException("uri(): " + e.getMessage());
            }
        }));
        t.register("uricomponent", eager(1, 1, (a, inv) -> str(
                URLEncoder.encode(s(a, 0), StandardCharsets.UTF_8).replace("+", "%20"), inv)));
        t.register("uricomponenttostring", eager(1, 1, (a, inv) -> str(
                URLDecoder.decode(s(a, 0), StandardCharsets.UTF_8), inv)));
        t.register("uniquestring", strict(1, Integer.MAX_VALUE, StringFunctions::uniqueString));
        t.register("guid", strict(1, Integer.MAX_VALUE, StringFunctions::guid));
        t.registerDeploymentTime("newguid", "makes a new random GUID at each deployment");
        t.registerDeploymentTime("utcnow", "is the time of the deployment");
        t.registerDeploymentTime("datetimeadd", "works on dates, which the linter does not evaluate");
        t.registerDeploymentTime("datetimefromepoch", "works on dates, which the linter does not evaluate");
        t.registerDeploymentTime("datetimetoepoch", "works on dates, which the linter does not evaluate");
    }

    /** A string result: its characters are work, and it must fit in a template. */
    static JString str(String v, Invocation inv) {
        EvaluationBudget.requireSize(v.length() + 2L, () -> "the string " + inv.name() + "() makes");
        inv.spend(v.length());
        return new JString(v, inv.at());
    }

    /** Checks a string's length before it is built. */
    private static void willMake(long length, Invocation inv) {
        EvaluationBudget.requireSize(length + 2, () -> "the string " + inv.name() + "() makes");
    }

    static JBool bool(boolean v, Invocation inv) {
        return new JBool(v, inv.at());
    }

    private static String s(List<JNode> a, int i) {
        return Values.string(a.get(i), "argument " + (i + 1));
    }

    private static JNode concat(List<JNode> a, Invocation inv) {
        if (a.get(0) instanceof JArray || a.get(0) instanceof JNull && a.stream().anyMatch(JArray.class::isInstance)) {
            List<JNode> out = new ArrayList<>();
            for (JNode n : a) {
                if (n instanceof JArray arr) {
                    out.addAll(arr.elements());
                } else if (!(n instanceof JNull)) {
                    throw Values.typeError("every argument of concat() over arrays", "Array", n);
                }
            }
            return new JArray(out, inv.at());
        }
        List<String> parts = new ArrayList<>(a.size());
        long length = 0;
        for (JNode n : a) {
            if (n instanceof JArray || n instanceof JObject) {
                throw Values.typeError("every argument of concat() over strings", "String", n);
            }
            String part = Values.text(n);
            length += part.length();
            parts.add(part);
        }
        willMake(length, inv);
        return str(String.join("", parts), inv);
    }

    private static JNode replace(List<JNode> a, Invocation inv) {
        String v = s(a, 0);
        String old = s(a, 1);
        String with = s(a, 2);
        if (with.length() > old.length()) {
            // Each replacement grows the string: count them first (an empty old matches between characters).
            long matches = 0;
            if (old.isEmpty()) {
                matches = v.length() + 1L;
            } else {
                for (int i = v.indexOf(old); i >= 0; i = v.indexOf(old, i + old.length())) {
                    matches++;
                }
            }
            willMake(v.length() + matches * (with.length() - old.length()), inv);
        }
        return str(v.replace(old, with), inv);
    }

    /**
     * {@code like(value, pattern)}: whether the value matches a pattern where {@code *} stands for any run of
     * characters. Whether {@code ?} is a wildcard and whether case counts are not settled by the documentation
     * nsglint was built from, so the answer is given only where every reading agrees, else it is Unknown with that
     * reason: a guess here could decide a condition.
     */
    private static JNode like(List<JNode> a, Invocation inv) {
        String v = s(a, 0);
        String pattern = s(a, 1);
        inv.spend((long) v.length() + pattern.length());
        boolean answer = NamePattern.matches(pattern, v, false, false);
        if (NamePattern.matches(pattern, v, true, false) != answer || NamePattern.matches(pattern, v, false, true) != answer
                || NamePattern.matches(pattern, v, true, true) != answer) {
            return new JUnknown("like('" + v + "', '" + pattern + "') depends on whether case counts or '?' is a"
                    + " wildcard, which nsglint does not know", inv.at());
        }
        return bool(answer, inv);
    }

    private static JNode substring(List<JNode> a, Invocation inv) {
        String v = s(a, 0);
        int start = Values.smallInteger(a.get(1), "the start index");
        int length = a.size() > 2 ? Values.smallInteger(a.get(2), "the length") : v.length() - start;
        if (start < 0 || length < 0 || start + length > v.length()) {
            throw new ArmEvaluationException("substring(" + start + ", " + length + ") is outside a string of length "
                    + v.length());
        }
        return str(v.substring(start, start + length), inv);
    }

    private static JNode padLeft(List<JNode> a, Invocation inv) {
        String v = Values.text(a.get(0));
        int total = Values.smallInteger(a.get(1), "the total length");
        String pad = a.size() > 2 ? s(a, 2) : " ";
        if (pad.length() != 1) {
            throw new ArmEvaluationException("padLeft() needs a single padding character");
        }
        willMake(Math.max(total, v.length()), inv);
        return str(total <= v.length() ? v : pad.repeat(total - v.length()) + v, inv);
    }

    private static JNode split(List<JNode> a, Invocation inv) {
        String v = s(a, 0);
        List<String> delimiters = new ArrayList<>();
        if (a.get(1) instanceof JArray arr) {
            for (JNode d : arr.elements()) {
                delimiters.add(Values.string(d, "a delimiter"));
            }
        } else {
            delimiters.add(s(a, 1));
        }
        List<JNode> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        outer:
        while (i <= v.length()) {
            for (String d : delimiters) {
                if (!d.isEmpty() && v.startsWith(d, i)) {
                    parts.add(new JString(v.substring(start, i), inv.at()));
                    i += d.length();
                    start = i;
                    continue outer;
                }
            }
            i++;
        }
        parts.add(new JString(v.substring(start), inv.at()));
        return new JArray(parts, inv.at());
    }

    private static JNode json(String text, Invocation inv) {
        SourceLocation at = inv.at();
        try {
            return relocate(JSON.parse(text, at.file()), at);
        } catch (TemplateLoadException e) {
            throw new ArmEvaluationException("json(): " + e.errorMessage());
        }
    }

    /** Values made by json() point at the expression that made them. */
    private static JNode relocate(JNode n, SourceLocation at) {
        if (n instanceof JString s) {
            return new JString(s.value(), at);
        }
        if (n instanceof JNumber num) {
            return new JNumber(num.value(), at);
        }
        if (n instanceof JBool b) {
            return new JBool(b.value(), at);
        }
        if (n instanceof JNull) {
            return new JNull(at);
        }
        if (n instanceof JArray arr) {
            List<JNode> out = new ArrayList<>();
            arr.elements().forEach(e -> out.add(relocate(e, at)));
            return new JArray(out, at);
        }
        if (n instanceof JObject o) {
            java.util.Map<String, JNode> out = new java.util.LinkedHashMap<>();
            o.members().forEach((k, v) -> out.put(k, relocate(v, at)));
            return new JObject(out, at);
        }
        return (JUnknown) n;
    }

    private static String decodeBase64(String v) {
        try {
            return new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ArmEvaluationException("not valid base64: " + e.getMessage());
        }
    }

    /**
     * .NET composite formatting as ARM's format() uses it: {@code {0}}, {@code {1,5}}, {@code {0:D3}},
     * {@code {0:X}}, and {@code {{}}/{@code }}} escapes.
     */
    static String format(String pattern, List<JNode> args) {
        return format(pattern, args, null);
    }

    /** As {@link #format(String, List)}; with {@code inv}, the result is bounded as it grows. */
    static String format(String pattern, List<JNode> args, Invocation inv) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0) {
                    throw new ArmEvaluationException("format string has an unclosed '{': " + pattern);
                }
                out.append(placeholder(pattern.substring(i + 1, close), args));
                if (inv != null) {
                    willMake(out.length(), inv);
                }
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String placeholder(String spec, List<JNode> args) {
        String indexPart = spec;
        String formatPart = "";
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            indexPart = spec.substring(0, colon);
            formatPart = spec.substring(colon + 1);
        }
        int alignment = 0;
        int comma = indexPart.indexOf(',');
        if (comma >= 0) {
            try {
                alignment = Integer.parseInt(indexPart.substring(comma + 1).trim());
            } catch (NumberFormatException e) {
                throw new ArmEvaluationException("format placeholder '{" + spec + "}' has no integer alignment");
            }
            EvaluationBudget.requireSize(Math.abs((long) alignment), "the alignment of '{" + spec + "}'");
            indexPart = indexPart.substring(0, comma);
        }
        int index;
        try {
            index = Integer.parseInt(indexPart.trim());
        } catch (NumberFormatException e) {
            throw new ArmEvaluationException("format placeholder '{" + spec + "}' has no index");
        }
        if (index < 0 || index >= args.size()) {
            throw new ArmEvaluationException("format placeholder {" + index + "} has no argument");
        }
        JNode arg = args.get(index);
        String text = arg instanceof JNumber n && !formatPart.isEmpty() ? number(n, formatPart) : Values.text(arg);
        if (Math.abs(alignment) > text.length()) {
            String pad = " ".repeat(Math.abs(alignment) - text.length());
            text = alignment > 0 ? pad + text : text + pad;
        }
        return text;
    }

    private static String number(JNumber n, String fmt) {
        char kind = Character.toUpperCase(fmt.charAt(0));
        int width;
        try {
            width = fmt.length() > 1 ? Integer.parseInt(fmt.substring(1)) : 0;
        } catch (NumberFormatException e) {
            throw new ArmEvaluationException("format '" + fmt + "' has no integer width");
        }
        // .NET allows 0-999999999 digits; more than a template can hold is refused before the digits are made.
        EvaluationBudget.requireSize(width, "the width of format '" + fmt + "'");
        long v = n.value().longValue();
        return switch (kind) {
            case 'D' -> (v < 0 ? "-" : "") + zeroPad(Long.toString(Math.abs(v)), width);
            case 'X' -> zeroPad(fmt.charAt(0) == 'x' ? Long.toHexString(v) : Long.toHexString(v).toUpperCase(Locale.ROOT),
                    width);
            case 'N' -> String.format(Locale.ROOT, "%,." + (fmt.length() > 1 ? width : 2) + "f", n.value());
            default -> n.value().toPlainString();
        };
    }

    private static String zeroPad(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /**
     * A deterministic 13-character hash of the arguments. Not Azure's exact value (which only matters for
     * resource names), but stable, so resource IDs built from it match each other within a run.
     */
    private static JNode uniqueString(List<JNode> a, Invocation inv) {
        byte[] digest = sha256(joined(a));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            sb.append(BASE32.charAt((digest[i] & 0xff) % 32));
        }
        return str(sb.toString(), inv);
    }

    /** A deterministic name-based GUID of the arguments (stable within a run, like uniqueString). */
    private static JNode guid(List<JNode> a, Invocation inv) {
        return str(UUID.nameUUIDFromBytes(joined(a).getBytes(StandardCharsets.UTF_8)).toString(), inv);
    }

    private static String joined(List<JNode> a) {
        StringBuilder sb = new StringBuilder();
        for (JNode n : a) {
            sb.append(Values.text(n)).append('-');
        }
        return sb.toString();
    }

    private static byte[] sha256(String s) {
        return Sha256.of(s.getBytes(StandardCharsets.UTF_8));
    }
}
