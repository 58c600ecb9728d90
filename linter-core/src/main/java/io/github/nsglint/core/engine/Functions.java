package io.github.nsglint.core.engine;

import java.util.List;
import java.util.Map;

/** The built-in functions of the rule language: name, argument types, result type, documentation. */
final class Functions {

    /** A function's signature. */
    record Signature(List<Type> args, Type result, String doc) {
    }

    static final Map<String, Signature> ALL = Map.ofEntries(
            Map.entry("prefixLength", new Signature(List.of(Type.kind("subnet")), Type.INT,
                    "the prefix length of the subnet's first address prefix (26 for a /26)")),
            Map.entry("count", new Signature(List.of(Type.listOf(null)), Type.INT, "the number of items of a list")),
            Map.entry("shadowedRules", new Signature(List.of(Type.kind("nsg")), Type.listOf(Type.kind("problem")),
                    "rules of the NSG that no flow can reach, because earlier rules take all their flows")),
            Map.entry("duplicatePriorities", new Signature(List.of(Type.kind("nsg")), Type.listOf(Type.kind("problem")),
                    "rules that share a priority and direction with an earlier rule (Azure rejects them)")),
            Map.entry("invalidRules", new Signature(List.of(Type.kind("nsg")), Type.listOf(Type.kind("problem")),
                    "rule fields Azure rejects: priority, CIDR, port range, protocol, tags")),
            Map.entry("openToInternet", new Signature(List.of(Type.kind("nsg")), Type.listOf(Type.kind("problem")),
                    "the allow rules that together let every TCP or UDP port in from the Internet at large (more public"
                    + " addresses than a /16 or a /32 holds), judged in priority order; Unknown when a rule field is")),
            Map.entry("egressToInternet", new Signature(List.of(Type.kind("nsg")), Type.listOf(Type.kind("problem")),
                    "the NSG's own allow rules that together let every TCP and UDP port out to the Internet at large,"
                    + " before the default rules; Unknown when a rule field is")),
            Map.entry("flowLogShortfalls", new Signature(List.of(Type.kind("vnet")), Type.listOf(Type.STRING),
                    "what the VNet's flow logs fall short of: no enabled log, subnets no log records, or records kept"
                    + " fewer than 90 days; Unknown when a log's target, state or retention is")),
            Map.entry("linkState", new Signature(List.of(Type.kind("vnet"), Type.kind("vnet")), Type.STRING,
                    "the peering between two VNets: CONNECTED, ONE_WAY, ACCESS_DISABLED, UNKNOWN or NONE")),
            Map.entry("gaps", new Signature(List.of(), Type.listOf(Type.kind("gap")),
                    "what the model knows it lacks: linked templates, copy loops of unknown count, ...")),
            Map.entry("egressPorts", new Signature(List.of(Type.kind("bastion"), Type.kind("subnet")),
                    Type.listOf(Type.INT), "the ports the Bastion subnet's NSG must let out to a target subnet: 22 and"
                    + " 3389, or on Standard and Premium the custom ports of endpoints that declare them")),
            Map.entry("managementPorts", new Signature(List.of(Type.kind("bastion"), Type.kind("subnet")),
                    Type.listOf(Type.INT), "the management ports of a target subnet: 22, 3389 and every custom port"
                    + " declared for its endpoints")),
            Map.entry("bastionRuleSet", new Signature(List.of(), Type.STRING,
                    "the Bastion rule set chosen for the run: current or bastion-2020")));

    private Functions() {
    }
}
