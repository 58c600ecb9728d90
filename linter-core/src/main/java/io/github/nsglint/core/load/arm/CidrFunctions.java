package io.github.nsglint.core.load.arm;

import static io.github.nsglint.core.load.arm.ArmFunction.eager;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** parseCidr, cidrSubnet and cidrHost, for IPv4 and IPv6, with the outputs Microsoft documents. */
final class CidrFunctions {

    private CidrFunctions() {
    }

    static void register(FunctionTable t) {
        t.register("parsecidr", eager(1, 1, (a, inv) -> parseCidr(Cidr.parse(string(a.get(0))), inv)));
        t.register("cidrsubnet", eager(3, 3, (a, inv) -> {
            Cidr net = Cidr.parse(string(a.get(0)));
            long newPrefix = Values.integer(a.get(1), "the new CIDR prefix length");
            long index = Values.integer(a.get(2), "the subnet index");
            if (newPrefix < net.prefix() || newPrefix > net.bits()) {
                throw new ArmEvaluationException("cidrSubnet(): new prefix /" + newPrefix + " must lie between /"
                        + net.prefix() + " and /" + net.bits());
            }
            BigInteger count = BigInteger.ONE.shiftLeft((int) newPrefix - net.prefix());
            if (index < 0 || BigInteger.valueOf(index).compareTo(count) >= 0) {
                throw new ArmEvaluationException("cidrSubnet(): index " + index + " is outside the " + count
                        + " subnets of /" + newPrefix);
            }
            BigInteger start = net.network().add(BigInteger.valueOf(index).shiftLeft(net.bits() - (int) newPrefix));
            return new JString(Cidr.format(start, net.bits()) + "/" + newPrefix, inv.at());
        }));
        t.register("cidrhost", eager(2, 2, (a, inv) -> {
            Cidr net = Cidr.parse(string(a.get(0)));
            long index = Values.integer(a.get(1), "the host index");
            // Index 0 is the first usable address: the one after the network address.
            BigInteger host = net.network().add(BigInteger.valueOf(index)).add(BigInteger.ONE);
            BigInteger last = net.bits() == 32 && net.prefix() < 31 ? net.last().subtract(BigInteger.ONE) : net.last();
            if (index < 0 || host.compareTo(last) > 0) {
                throw new ArmEvaluationException("cidrHost(): index " + index + " is outside the usable hosts of "
                        + net.text());
            }
            return new JString(Cidr.format(host, net.bits()), inv.at());
        }));
    }

    private static String string(JNode n) {
        return Values.string(n, "the network");
    }

    private static JNode parseCidr(Cidr net, Invocation inv) {
        Map<String, JNode> m = new LinkedHashMap<>();
        m.put("network", new JString(Cidr.format(net.network(), net.bits()), inv.at()));
        BigInteger mask = BigInteger.ONE.shiftLeft(net.bits()).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(net.bits() - net.prefix()).subtract(BigInteger.ONE));
        m.put("netmask", new JString(Cidr.format(mask, net.bits()), inv.at()));
        if (net.bits() == 32) {
            m.put("broadcast", new JString(Cidr.format(net.last(), 32), inv.at()));
            boolean tiny = net.prefix() >= 31;
            m.put("firstUsable", new JString(Cidr.format(tiny ? net.network() : net.network().add(BigInteger.ONE), 32),
                    inv.at()));
            m.put("lastUsable", new JString(Cidr.format(tiny ? net.last() : net.last().subtract(BigInteger.ONE), 32),
                    inv.at()));
        } else {
            m.put("firstUsable", new JString(Cidr.format(net.network(), 128), inv.at()));
            m.put("lastUsable", new JString(Cidr.format(net.last(), 128), inv.at()));
        }
        m.put("cidr", JNumber.of(net.prefix(), inv.at()));
        return new JObject(m, inv.at());
    }

    /** An address range in CIDR notation; the network is the address with its host bits cleared. */
    record Cidr(String text, BigInteger network, int prefix, int bits) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new ArmEvaluationException("'" + text + "' is not in CIDR notation (address/prefix)");
            }
            String address = text.substring(0, slash);
            int prefix;
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new ArmEvaluationException("'" + text + "' has no valid prefix length");
            }
            boolean v6 = address.indexOf(':') >= 0;
            int bits = v6 ? 128 : 32;
            if (prefix < 0 || prefix > bits) {
                throw new ArmEvaluationException("'" + text + "' has a prefix length outside 0.." + bits);
            }
            BigInteger value = v6 ? parseV6(address, text) : parseV4(address, text);
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            return new Cidr(text, value.andNot(hostMask), prefix, bits);
        }

        BigInteger last() {
            return network.or(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        }

        private static BigInteger parseV4(String address, String text) {
            String[] parts = address.split("\\.", -1);
            if (parts.length != 4) {
                throw new ArmEvaluationException("'" + text + "' is not an IPv4 CIDR");
            }
            long v = 0;
            for (String p : parts) {
                int octet;
                try {
                    octet = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new ArmEvaluationException("'" + text + "' is not an IPv4 CIDR");
                }
                if (octet < 0 || octet > 255 || p.isEmpty() || p.length() > 3) {
                    throw new ArmEvaluationException("'" + text + "' is not an IPv4 CIDR");
                }
                v = (v << 8) | octet;
            }
            return BigInteger.valueOf(v);
        }

        private static BigInteger parseV6(String address, String text) {
            String[] halves = address.split("::", -1);
            if (halves.length > 2) {
                throw new ArmEvaluationException("'" + text + "' is not an IPv6 CIDR");
            }
            int[] head = groups(halves[0], text);
            int[] tail = halves.length == 2 ? groups(halves[1], text) : new int[0];
            int total = head.length + tail.length;
            if (halves.length == 1 ? total != 8 : total > 7) {
                throw new ArmEvaluationException("'" + text + "' is not an IPv6 CIDR");
            }
            int[] all = new int[8];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
            BigInteger v = BigInteger.ZERO;
            for (int g : all) {
                v = v.shiftLeft(16).or(BigInteger.valueOf(g));
            }
            return v;
        }

        private static int[] groups(String part, String text) {
            if (part.isEmpty()) {
                return new int[0];
            }
            String[] items = part.split(":", -1);
            int[] out = new int[items.length];
            for (int i = 0; i < items.length; i++) {
                if (items[i].isEmpty() || items[i].length() > 4) {
                    throw new ArmEvaluationException("'" + text + "' is not an IPv6 CIDR");
                }
                try {
                    out[i] = Integer.parseInt(items[i], 16);
                } catch (NumberFormatException e) {
                    throw new ArmEvaluationException("'" + text + "' is not an IPv6 CIDR");
                }
            }
            return out;
        }

        /** Dotted quad, or RFC 5952 IPv6 text (lower case, longest run of zero groups as {@code ::}). */
        static String format(BigInteger value, int bits) {
            if (bits == 32) {
                long v = value.longValue();
                return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
            }
            int[] g = new int[8];
            for (int i = 0; i < 8; i++) {
                g[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
            }
            int bestStart = -1;
            int bestLength = 1;
            for (int i = 0; i < 8; ) {
                if (g[i] != 0) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    sb.append("::");
                    i += bestLength - 1;
                    continue;
                }
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(g[i]));
            }
            return sb.toString();
        }
    }
}
