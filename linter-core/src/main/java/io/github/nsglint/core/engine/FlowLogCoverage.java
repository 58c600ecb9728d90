package io.github.nsglint.core.engine;

import io.github.nsglint.core.load.json.OpaqueSymbols;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.FlowLog;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.ResourceIds;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import io.github.nsglint.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Which flow logs record a VNet's traffic, and what falls short (NSG012). A virtual network flow log on the VNet
 * records every subnet; one on a subnet records that subnet; a network security group flow log records the
 * subnets the NSG is attached to; a NIC-level log records one NIC, not a subnet. Records are kept long enough when
 * the retention policy is off, is 0 days (kept until deleted: learn.microsoft.com/azure/network-watcher/vnet-flow-logs-portal)
 * or is at least {@link #MIN_RETENTION_DAYS} days.
 */
final class FlowLogCoverage {

    /** CIS Microsoft Azure Foundations and the peers' threshold. */
    static final int MIN_RETENTION_DAYS = 90;

    /** What a VNet's flow logs fall short of: certain shortfalls, or why they cannot be told. */
    record Shortfalls(List<Shortfall> certain, String unknownReason, SourceLocation unknownAt) {
    }

    /** One shortfall, and where to mend it: the VNet, or the flow log that keeps records too briefly. */
    record Shortfall(String message, SourceLocation at) {
    }

    private final NetworkModel model;
    private final Topology topology;

    FlowLogCoverage(NetworkModel model, Topology topology) {
        this.model = model;
        this.topology = topology;
    }

    /** The flow logs whose target is the VNet, one of its subnets, their NSGs or a NIC in them, in model order. */
    List<FlowLog> of(VirtualNetwork vnet) {
        List<FlowLog> out = new ArrayList<>();
        for (FlowLog log : model.flowLogs()) {
            if (log.targetResourceId() instanceof Field.Known<String> k && recordsPartOf(vnet, k.value())) {
                out.add(log);
            }
        }
        return out;
    }

    /** Why something cannot be told, and where. */
    private record Doubt(String reason, SourceLocation at) {
    }

    Shortfalls shortfalls(VirtualNetwork vnet) {
        List<Shortfall> certain = new ArrayList<>();
        Doubt coverageDoubt = null;
        Doubt retentionDoubt = null;
        List<FlowLog> enabled = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (FlowLog log : model.flowLogs()) {
            Field<String> target = log.targetResourceId();
            if (target instanceof Field.Unknown<String> u) {
                coverageDoubt = new Doubt("flow log " + name(log) + " may record it, but its target is not known: "
                        + u.reason(), u.location());
                continue;
            }
            if (target instanceof Field.Invalid<String> i) {
                coverageDoubt = new Doubt("flow log " + name(log) + " may record it, but its target is invalid: "
                        + i.problem(), i.location());
                continue;
            }
            if (!(target instanceof Field.Known<String> k)) {
                continue; // no target: Azure rejects it, and it records nothing
            }
            if (!recordsPartOf(vnet, k.value())) {
                String parameter = OpaqueSymbols.readableParameter(k.value());
                if (parameter != null) {
                    // A target named by a parameter with no value may be this VNet, or a part of it.
                    coverageDoubt = new Doubt("flow log " + name(log) + " may record it, but its target is not"
                            + " known: " + OpaqueSymbols.reason(OpaqueSymbols.of(parameter)), log.location());
                }
                continue;
            }
            if (log.enabled() instanceof Field.Unknown<Boolean> u) {
                coverageDoubt = new Doubt("whether flow log " + name(log) + " is enabled is not known: " + u.reason(),
                        u.location());
                continue;
            }
            if (log.enabled() instanceof Field.Invalid<Boolean> i) {
                coverageDoubt = new Doubt("flow log " + name(log) + " has an invalid 'enabled': " + i.problem(),
                        i.location());
                continue;
            }
            if (!log.enabled().orDefault(true)) {
                disabled.add(name(log));
                continue;
            }
            enabled.add(log);
            String retention = retentionShortfall(log);
            if (retention != null) {
                certain.add(new Shortfall(retention, log.location()));
            }
            if (retentionUnknown(log) instanceof Field.Unknown<?> u) {
                retentionDoubt = new Doubt("how long flow log " + name(log) + " keeps its records is not known: "
                        + u.reason(), u.location());
            }
        }
        String coverage = null;
        if (enabled.stream().noneMatch(l -> same(l, vnet.id()))) {
            List<String> unrecorded = new ArrayList<>();
            boolean nsgLogs = enabled.stream().anyMatch(l -> l.targetResourceId().known()
                    .filter(t -> t.toLowerCase(java.util.Locale.ROOT).contains("/networksecuritygroups/")).isPresent());
            for (Subnet s : vnet.subnets()) {
                if (enabled.stream().anyMatch(l -> recordsSubnet(l, s))) {
                    continue;
                }
                if (nsgLogs && s.networkSecurityGroupId() instanceof Field.Unknown<String> u) {
                    // Its NSG may be the one an NSG flow log records.
                    coverageDoubt = new Doubt("subnet " + name(s) + " may be recorded by an NSG flow log, but its NSG"
                            + " is not known: " + u.reason(), u.location());
                    continue;
                }
                unrecorded.add(name(s));
            }
            String off = disabled.isEmpty() ? "" : " (flow log " + String.join(", ", disabled) + " is disabled)";
            if (enabled.stream().allMatch(this::isNicTarget)) {
                coverage = "no enabled flow log in the scanned files records its traffic" + off
                        + "; add a virtual network flow log on it that keeps records " + MIN_RETENTION_DAYS
                        + " days or more";
            } else if (!unrecorded.isEmpty()) {
                coverage = (unrecorded.size() == 1 ? "subnet " : "subnets ") + String.join(", ", unrecorded)
                        + (unrecorded.size() == 1 ? " is" : " are") + " recorded by no enabled flow log" + off
                        + "; a virtual network flow log on the VNet records them all";
            }
        }
        // A log that may record the VNet makes a missing record uncertain; a short retention told for certain
        // still fails.
        if (coverage != null && coverageDoubt == null) {
            certain.add(0, new Shortfall(coverage, vnet.location()));
        }
        Doubt doubt = coverage != null && coverageDoubt != null ? coverageDoubt : retentionDoubt;
        return certain.isEmpty() && doubt != null ? new Shortfalls(List.of(), doubt.reason(), doubt.at())
                : new Shortfalls(List.copyOf(certain), null, null);
    }

    /** Why an enabled log keeps records too briefly, or null. */
    private static String retentionShortfall(FlowLog log) {
        if (!(log.retentionEnabled() instanceof Field.Known<Boolean> on) || !on.value()
                || !(log.retentionDays() instanceof Field.Known<Integer> days)) {
            return null;
        }
        int d = days.value();
        if (d == 0 || d >= MIN_RETENTION_DAYS) {
            return null;
        }
        return "flow log " + name(log) + " keeps records " + d + " day" + (d == 1 ? "" : "s") + "; keep them "
                + MIN_RETENTION_DAYS + " days or more (0 keeps them until deleted)";
    }

    /** The retention field that is not known, when it decides; else absent. */
    private static Field<?> retentionUnknown(FlowLog log) {
        if (log.retentionEnabled() instanceof Field.Unknown<Boolean> u) {
            return u;
        }
        if (log.retentionEnabled() instanceof Field.Invalid<Boolean> i) {
            return Field.unknown("retention enabled '" + i.raw() + "' is invalid: " + i.problem(), i.location());
        }
        boolean on = log.retentionEnabled() instanceof Field.Known<Boolean> k && k.value();
        if (on && log.retentionDays() instanceof Field.Unknown<Integer> u) {
            return u;
        }
        if (on && log.retentionDays() instanceof Field.Invalid<Integer> i) {
            return Field.unknown("retention days '" + i.raw() + "' are invalid: " + i.problem(), i.location());
        }
        return Field.absent();
    }

    private boolean recordsPartOf(VirtualNetwork vnet, String target) {
        if (ResourceIds.same(target, vnet.id())) {
            return true;
        }
        for (Subnet s : vnet.subnets()) {
            if (recordsSubnet(target, s)) {
                return true;
            }
            for (NetworkInterface nic : topology.nicsIn(s)) {
                if (ResourceIds.same(target, nic.id())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean recordsSubnet(FlowLog log, Subnet s) {
        return recordsSubnet(log.targetResourceId().known().orElse(""), s);
    }

    /** A log on the subnet, or on the NSG it names (attached or only referenced), records the subnet. */
    private static boolean recordsSubnet(String target, Subnet s) {
        return ResourceIds.same(target, s.id())
                || s.networkSecurityGroupId().known().filter(n -> ResourceIds.same(n, target)).isPresent();
    }

    private boolean isNicTarget(FlowLog log) {
        return log.targetResourceId().known().filter(id -> model.networkInterfaces().stream()
                .anyMatch(n -> ResourceIds.same(n.id(), id))).isPresent();
    }

    private static boolean same(FlowLog log, String id) {
        return log.targetResourceId().known().filter(t -> ResourceIds.same(t, id)).isPresent();
    }

    private static String name(Subnet s) {
        return s.name().known().orElse(ResourceIds.name(s.id()));
    }

    private static String name(FlowLog log) {
        return log.name().known().orElse(ResourceIds.name(log.id()));
    }
}
