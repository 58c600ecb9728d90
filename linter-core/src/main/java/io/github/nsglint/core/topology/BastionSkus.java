package io.github.nsglint.core.topology;

import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.OperatingSystem;
import io.github.nsglint.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each Bastion SKU connects to and on which port, from Microsoft's SKU table
 * (https://learn.microsoft.com/azure/bastion/configuration-settings#skus): the Developer and Basic SKUs connect to
 * Windows VMs over RDP (3389) and Linux VMs over SSH (22); Standard and Premium can also reach Windows over SSH and
 * Linux over RDP, and connect on custom ports, which then replace 22 and 3389 (bastion-nsg: "the NSGs will instead
 * need to allow egress traffic to other target VM subnets for the custom value(s)"). Only Developer cannot reach
 * VMs in peered VNets. Where the SKU or the OS is an unknown value, every state it could be is a world of the
 * answer ({@link PortNeed}).
 */
public final class BastionSkus {

    public static final int SSH = 22;
    public static final int RDP = 3389;

    /** The SKUs. */
    public enum Sku {
        DEVELOPER,
        BASIC,
        STANDARD,
        PREMIUM;

        /** Standard and Premium: SSH to Windows, RDP to Linux, custom ports. */
        public boolean flexible() {
            return this == STANDARD || this == PREMIUM;
        }

        public String armName() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    private BastionSkus() {
    }

    /** The SKUs a host may have, and why it may have more than one. */
    public record Possible(Set<Sku> skus, String reason, SourceLocation at) {
    }

    public static Possible possible(BastionHost b) {
        Field<String> sku = b.sku();
        if (sku instanceof Field.Absent) {
            return new Possible(EnumSet.of(Sku.BASIC), null, null); // Azure's default
        }
        if (sku instanceof Field.Known<String> k) {
            for (Sku s : Sku.values()) {
                if (s.name().equalsIgnoreCase(k.value().trim())) {
                    return new Possible(EnumSet.of(s), null, null);
                }
            }
        }
        // Unknown, or a name Azure would reject: any SKU the host's shape allows. A host with a subnet is not Developer.
        Set<Sku> any = b.subnetId() instanceof Field.Absent ? EnumSet.allOf(Sku.class)
                : EnumSet.of(Sku.BASIC, Sku.STANDARD, Sku.PREMIUM);
        String why = sku instanceof Field.Unknown<String> u ? u.reason()
                : sku instanceof Field.Invalid<String> i ? i.problem()
                : "'" + sku.known().orElse("") + "' is not a Bastion SKU";
        SourceLocation at = sku instanceof Field.Unknown<String> u ? u.location()
                : sku instanceof Field.Invalid<String> i ? i.location() : b.location();
        return new Possible(any, "the SKU of Bastion " + b.name().known().orElse(b.id()) + " is not known: " + why, at);
    }

    /**
     * The ports a Bastion opens sessions to an endpoint on; any one of a world's ports suffices. Custom ports
     * replace 22 and 3389 on Standard and Premium; an OS that is not stated needs 22 or 3389, as the one in use is
     * not known; an OS that is an unknown value makes a world for each OS where the SKU tells them apart.
     */
    public static PortNeed connectPorts(BastionEndpoint e) {
        Possible skus = possible(e.bastion());
        Field<OperatingSystem> os = e.vm().map(v -> v.os()).orElse(Field.absent());
        List<OperatingSystem> oses = os instanceof Field.Known<OperatingSystem> k ? List.of(k.value())
                : os instanceof Field.Absent ? java.util.Arrays.asList((OperatingSystem) null)
                : List.of(OperatingSystem.WINDOWS, OperatingSystem.LINUX);
        Map<Set<Integer>, List<Integer>> worlds = new LinkedHashMap<>();
        boolean osMatters = false;
        for (Sku sku : skus.skus()) {
            Set<Set<Integer>> byOs = new java.util.HashSet<>();
            for (OperatingSystem o : oses) {
                List<Integer> ports = ports(sku, o, e.customPorts());
                if (!os.isKnown()) {
                    ports = List.copyOf(new TreeSet<>(ports)); // no OS's own protocol to put first
                }
                worlds.putIfAbsent(new TreeSet<>(ports), ports);
                byOs.add(new TreeSet<>(ports));
            }
            osMatters |= byOs.size() > 1;
        }
        boolean skuMatters = false;
        for (OperatingSystem o : oses) {
            Set<Set<Integer>> bySku = new java.util.HashSet<>();
            for (Sku sku : skus.skus()) {
                bySku.add(new TreeSet<>(ports(sku, o, e.customPorts())));
            }
            skuMatters |= bySku.size() > 1;
        }
        List<Integer> first = worlds.values().iterator().next();
        if (worlds.size() == 1) {
            return PortNeed.certain(first);
        }
        List<String> reasons = new ArrayList<>();
        SourceLocation at = null;
        if (osMatters && os instanceof Field.Unknown<OperatingSystem> u) {
            reasons.add(u.reason());
            at = u.location();
        } else if (osMatters && os instanceof Field.Invalid<OperatingSystem> i) {
            reasons.add("the OS is invalid: " + i.problem());
            at = i.location();
        }
        if (skuMatters && skus.reason() != null) {
            reasons.add(skus.reason());
            at = at != null ? at : skus.at();
        }
        return new PortNeed(new ArrayList<>(worlds.values()), reasons.isEmpty() ? "the OS or the SKU is not known"
                : String.join("; ", reasons), at);
    }

    private static List<Integer> ports(Sku sku, OperatingSystem os, List<Integer> custom) {
        if (sku.flexible() && !custom.isEmpty()) {
            return custom;
        }
        if (os == null) {
            return List.of(SSH, RDP);
        }
        int own = os == OperatingSystem.WINDOWS ? RDP : SSH;
        int other = own == RDP ? SSH : RDP;
        return sku.flexible() ? List.of(own, other) : List.of(own);
    }

    /**
     * What the Bastion subnet's NSG must let out to a target subnet: 22 and 3389 (Microsoft's required-rule table),
     * or, on Standard and Premium, the custom ports of endpoints that declare them instead.
     */
    public static PortNeed egressPorts(BastionHost b, List<BastionEndpoint> endpoints) {
        Possible skus = possible(b);
        Map<Set<Integer>, List<Integer>> worlds = new LinkedHashMap<>();
        for (Sku sku : skus.skus()) {
            Set<Integer> ports = new LinkedHashSet<>();
            if (endpoints.isEmpty()) {
                ports.add(SSH);
                ports.add(RDP);
            }
            for (BastionEndpoint e : endpoints) {
                if (sku.flexible() && !e.customPorts().isEmpty()) {
                    ports.addAll(e.customPorts());
                } else {
                    ports.add(SSH);
                    ports.add(RDP);
                }
            }
            worlds.putIfAbsent(new TreeSet<>(ports), List.copyOf(ports));
        }
        return worlds.size() == 1 ? PortNeed.certain(worlds.values().iterator().next())
                : new PortNeed(new ArrayList<>(worlds.values()), skus.reason(), skus.at());
    }

    /** The management ports of a target subnet: 22, 3389 and every custom port declared for its endpoints. */
    public static List<Integer> managementPorts(List<BastionEndpoint> endpoints) {
        Set<Integer> ports = new TreeSet<>(List.of(SSH, RDP));
        endpoints.forEach(e -> ports.addAll(e.customPorts()));
        return List.copyOf(ports);
    }
}
