package io.github.nsglint.core.flow;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.model.SecurityRule;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately naive NSG evaluator for one concrete flow: sort the rules, test each field literally, stop at
 * the first match; then the default rules. It knows every service tag's concrete prefixes (the random
 * assignment of a test case) and the context's VNet space, and shares no code with the engine's set algebra.
 */
final class NaiveReference {

    /** One concrete flow; ports are -1 for protocols without ports. */
    record Flow(Direction direction, Protocol protocol, BigInteger source, int sourcePort, BigInteger destination,
            int destinationPort) {
    }

    /** The first rule that matches, and what it says. */
    record Match(String ruleName, Access access) {
    }

    private final List<BigInteger[]> virtualNetwork;
    private final Map<String, List<BigInteger[]>> tags;

    /** @param virtualNetwork [first, last] ranges of the context's VNet and connected peers */
    NaiveReference(List<BigInteger[]> virtualNetwork, Map<String, List<BigInteger[]>> tags) {
        this.virtualNetwork = virtualNetwork;
        this.tags = tags;
    }

    Match decide(List<SecurityRule> rules, Flow f) {
        List<SecurityRule> sorted = rules.stream()
                .filter(r -> r.direction().known().orElseThrow() == f.direction())
                .sorted(Comparator.comparingInt(r -> r.priority().known().orElseThrow()))
                .toList();
        for (SecurityRule r : sorted) {
            if (matches(r, f)) {
                return new Match(r.name().known().orElseThrow(), r.access().known().orElseThrow());
            }
        }
        if (f.direction() == Direction.INBOUND) {
            if (inVnet(f.source()) && inVnet(f.destination())) {
                return new Match("AllowVNetInBound", Access.ALLOW);
            }
            if (isPlatform(f.source())) {
                return new Match("AllowAzureLoadBalancerInBound", Access.ALLOW);
            }
            return new Match("DenyAllInBound", Access.DENY);
        }
        if (inVnet(f.source()) && inVnet(f.destination())) {
            return new Match("AllowVnetOutBound", Access.ALLOW);
        }
        if (isInternet(f.destination())) {
            return new Match("AllowInternetOutBound", Access.ALLOW);
        }
        return new Match("DenyAllOutBound", Access.DENY);
    }

    boolean matches(SecurityRule r, Flow f) {
        Protocol p = r.protocol().known().orElseThrow();
        if (p != Protocol.ANY && p != f.protocol()) {
            return false;
        }
        return anyAddress(r.sourceAddressPrefixes().known().orElseThrow(), f.source())
                && anyAddress(r.destinationAddressPrefixes().known().orElseThrow(), f.destination())
                && anyPort(r.sourcePortRanges().known().orElseThrow(), f.sourcePort())
                && anyPort(r.destinationPortRanges().known().orElseThrow(), f.destinationPort());
    }

    private boolean anyAddress(List<String> tokens, BigInteger ip) {
        for (String t : tokens) {
            if (address(t, ip)) {
                return true;
            }
        }
        return false;
    }

    private boolean address(String token, BigInteger ip) {
        switch (token.toLowerCase(Locale.ROOT)) {
            case "*":
                return true;
            case "virtualnetwork":
                return inVnet(ip);
            case "internet":
                return isInternet(ip);
            case "azureloadbalancer":
                return isPlatform(ip);
            default:
                break;
        }
        if (Character.isDigit(token.charAt(0))) {
            IntervalSet c = AddressSpace.cidr(token).orElseThrow();
            return c.low(0).compareTo(ip) <= 0 && ip.compareTo(c.high(0)) <= 0;
        }
        return in(tags.getOrDefault(token.toLowerCase(Locale.ROOT), List.of()), ip);
    }

    private static boolean anyPort(List<String> tokens, int port) {
        for (String t : tokens) {
            if (t.equals("*")) {
                return true;
            }
            if (port < 0) {
                continue; // a protocol without ports only matches '*'
            }
            int dash = t.indexOf('-');
            int a = Integer.parseInt(dash < 0 ? t : t.substring(0, dash));
            int b = dash < 0 ? a : Integer.parseInt(t.substring(dash + 1));
            if (a <= port && port <= b) {
                return true;
            }
        }
        return false;
    }

    boolean inVnet(BigInteger ip) {
        return in(virtualNetwork, ip) || isPlatform(ip);
    }

    private static boolean isPlatform(BigInteger ip) {
        return AddressSpace.AZURE_PLATFORM.contains(ip);
    }

    boolean isInternet(BigInteger ip) {
        return AddressSpace.PUBLIC.contains(ip) && !inVnet(ip);
    }

    private static boolean in(List<BigInteger[]> ranges, BigInteger ip) {
        for (BigInteger[] r : ranges) {
            if (r[0].compareTo(ip) <= 0 && ip.compareTo(r[1]) <= 0) {
                return true;
            }
        }
        return false;
    }
}
