package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One NSG security rule, normalised: the singular and plural prefix and port fields are merged into one
 * list, enumerations are parsed case-insensitively, and any field may be Unknown or Invalid.
 *
 * @param id                          resource ID of the rule (the NSG's ID + {@code /securityRules/name})
 * @param name                        rule name
 * @param sourceAddressPrefixes       {@code sourceAddressPrefix} and {@code sourceAddressPrefixes} merged; IPs, CIDRs, tags or {@code *}
 * @param sourceApplicationSecurityGroupIds resource IDs of the source ASGs (empty when none)
 * @param problems                    structural problems Azure rejects (both singular and plural set, required field missing)
 * @param location                    the rule's object in the template
 */
public record SecurityRule(
        String id,
        Field<String> name,
        Field<Integer> priority,
        Field<Direction> direction,
        Field<Access> access,
        Field<Protocol> protocol,
        Field<List<String>> sourceAddressPrefixes,
        Field<List<String>> sourcePortRanges,
        Field<List<String>> destinationAddressPrefixes,
        Field<List<String>> destinationPortRanges,
        Field<List<String>> sourceApplicationSecurityGroupIds,
        Field<List<String>> destinationApplicationSecurityGroupIds,
        Field<String> description,
        List<String> problems,
        SourceLocation location) {

    public SecurityRule {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(priority, "priority is null");
        requireNonNull(direction, "direction is null");
        requireNonNull(access, "access is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(sourceAddressPrefixes, "sourceAddressPrefixes is null");
        requireNonNull(sourcePortRanges, "sourcePortRanges is null");
        requireNonNull(destinationAddressPrefixes, "destinationAddressPrefixes is null");
        requireNonNull(destinationPortRanges, "destinationPortRanges is null");
        requireNonNull(sourceApplicationSecurityGroupIds, "sourceApplicationSecurityGroupIds is null");
        requireNonNull(destinationApplicationSecurityGroupIds, "destinationApplicationSecurityGroupIds is null");
        requireNonNull(description, "description is null");
        problems = List.copyOf(problems);
        requireNonNull(location, "location is null");
    }
}
