package io.github.nsglint.core.load.arm;

import static io.github.nsglint.core.load.arm.ArmFunction.eager;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
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
            IntervalSet range = AddressSpace.cidr(text)
                    .orElseThrow(() -> new ArmEvaluationException("'" + text + "' is not a valid CIDR"));
            boolean v6 = text.indexOf(':') >= 0;
            int bits = v6 ? 128 : 32;
            int prefix = bits - range.high(0).subtract(range.low(0)).add(BigInteger.ONE).bitLength() + 1;
            BigInteger offset = v6 ? AddressSpace.ALL_V6.low(0) : BigInteger.ZERO;
            return new Cidr(text, range.low(0).subtract(offset), prefix, bits);
        }

        BigInteger last() {
            return network.or(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        }

        static String format(BigInteger value, int bits) {
            return AddressSpace.format(bits == 32 ? value : value.add(AddressSpace.ALL_V6.low(0)));
        }
    }
}
