package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JBool;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JsonText;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import java.util.Iterator;
import java.util.Map;

/** Type checks and conversions for ARM values, with the error messages Azure users expect. */
final class Values {

    private Values() {
    }

    static String string(JNode n, String what) {
        if (n instanceof JString s) {
            return s.value();
        }
        throw typeError(what, "String", n);
    }

    static long integer(JNode n, String what) {
        if (n instanceof JNumber num) {
            try {
                return num.value().longValueExact();
            } catch (ArithmeticException e) {
                return num.value().longValue();
            }
        }
        throw typeError(what, "Integer", n);
    }

    static int smallInteger(JNode n, String what) {
        long v = integer(n, what);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ArmEvaluationException(what + " is out of range: " + v);
        }
        return (int) v;
    }

    static boolean bool(JNode n, String what) {
        if (n instanceof JBool b) {
            return b.value();
        }
        if (n instanceof JString s && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.value().toLowerCase(java.util.Locale.ROOT));
        }
        throw typeError(what, "Boolean", n);
    }

    static JArray array(JNode n, String what) {
        if (n instanceof JArray a) {
            return a;
        }
        throw typeError(what, "Array", n);
    }

    static JObject object(JNode n, String what) {
        if (n instanceof JObject o) {
            return o;
        }
        throw typeError(what, "Object", n);
    }

    static ArmEvaluationException typeError(String what, String expected, JNode actual) {
        return new ArmEvaluationException(what + " must be of type " + expected + " but is " + actual.typeName());
    }

    /** The first Unknown inside {@code n} (depth first), or null. */
    static JUnknown firstUnknown(JNode n) {
        if (n instanceof JUnknown u) {
            return u;
        }
        if (n instanceof JArray a) {
            for (JNode e : a.elements()) {
                JUnknown u = firstUnknown(e);
                if (u != null) {
                    return u;
                }
            }
        } else if (n instanceof JObject o) {
            for (JNode e : o.members().values()) {
                JUnknown u = firstUnknown(e);
                if (u != null) {
                    return u;
                }
            }
        }
        return null;
    }

    /** ARM's equality: deep, numbers by value, strings case-sensitive, object keys case-insensitive. */
    static boolean deepEquals(JNode a, JNode b) {
        if (a instanceof JString x && b instanceof JString y) {
            return x.value().equals(y.value());
        }
        if (a instanceof JNumber x && b instanceof JNumber y) {
            return x.value().compareTo(y.value()) == 0;
        }
        if (a instanceof JBool x && b instanceof JBool y) {
            return x.value() == y.value();
        }
        if (a instanceof JNull && b instanceof JNull) {
            return true;
        }
        if (a instanceof JArray x && b instanceof JArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof JObject x && b instanceof JObject y) {
            if (x.members().size() != y.members().size()) {
                return false;
            }
            for (Map.Entry<String, JNode> e : x.members().entrySet()) {
                JNode other = y.getOrNull(e.getKey());
                if (other == null || !deepEquals(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The text ARM's {@code string()} gives: strings as they are, everything else as compact JSON. */
    static String text(JNode n) {
        if (n instanceof JString s) {
            return s.value();
        }
        if (n instanceof JBool b) {
            // ARM formats booleans the .NET way.
            return b.value() ? "True" : "False";
        }
        if (n instanceof JNull) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        json(n, sb);
        return sb.toString();
    }

    /** Compact JSON, as ARM serialises arrays and objects. */
    static void json(JNode n, StringBuilder sb) {
        if (n instanceof JString s) {
            JsonText.quote(s.value(), sb);
        } else if (n instanceof JNumber num) {
            sb.append(num.value().toPlainString());
        } else if (n instanceof JBool b) {
            sb.append(b.value());
        } else if (n instanceof JNull) {
            sb.append("null");
        } else if (n instanceof JArray a) {
            sb.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                json(a.get(i), sb);
            }
            sb.append(']');
        } else if (n instanceof JObject o) {
            sb.append('{');
            Iterator<Map.Entry<String, JNode>> it = o.members().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JNode> e = it.next();
                JsonText.quote(e.getKey(), sb);
                sb.append(':');
                json(e.getValue(), sb);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append('}');
        } else {
            throw new IllegalStateException("unknown values have no JSON text");
        }
    }

    static boolean isEmpty(JNode n) {
        if (n instanceof JNull) {
            return true;
        }
        if (n instanceof JString s) {
            return s.value().isEmpty();
        }
        if (n instanceof JArray a) {
            return a.size() == 0;
        }
        if (n instanceof JObject o) {
            return o.members().isEmpty();
        }
        return false;
    }
}
