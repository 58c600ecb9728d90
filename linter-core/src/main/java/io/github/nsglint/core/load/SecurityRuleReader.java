package io.github.nsglint.core.load;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Normalises one security rule: singular and plural address and port fields merged, enumerations parsed
 * case-insensitively, and what Azure would reject noted as a problem rather than dropped.
 */
final class SecurityRuleReader {

    private SecurityRuleReader() {
    }

    /**
     * @param name       the rule's name as declared
     * @param properties the rule's property bag (see {@link Fields#props})
     */
    static SecurityRule read(String nsgId, Field<String> name, JNode properties, SourceLocation location) {
        List<String> problems = new ArrayList<>();
        String ruleName = name instanceof Field.Known<String> k ? k.value() : "{unknown name}";
        Field<List<String>> sources = merged(properties, "sourceAddressPrefix", "sourceAddressPrefixes", problems);
        Field<List<String>> destinations =
                merged(properties, "destinationAddressPrefix", "destinationAddressPrefixes", problems);
        Field<List<String>> sourceAsgs = Fields.references(properties, "sourceApplicationSecurityGroups");
        Field<List<String>> destinationAsgs = Fields.references(properties, "destinationApplicationSecurityGroups");
        requireOne(sources, sourceAsgs, "source address prefix or application security group", problems);
        requireOne(destinations, destinationAsgs, "destination address prefix or application security group", problems);
        Field<List<String>> sourcePorts = merged(properties, "sourcePortRange", "sourcePortRanges", problems);
        Field<List<String>> destinationPorts =
                merged(properties, "destinationPortRange", "destinationPortRanges", problems);
        requireOne(sourcePorts, Field.known(List.of()), "source port range", problems);
        requireOne(destinationPorts, Field.known(List.of()), "destination port range", problems);
        Field<Integer> priority = Fields.integer(properties, "priority");
        Field<Direction> direction = Fields.enumeration(properties, "direction", Direction::parse, "Inbound, Outbound");
        Field<Access> access = Fields.enumeration(properties, "access", Access::parse, "Allow, Deny");
        Field<Protocol> protocol =
                Fields.enumeration(properties, "protocol", Protocol::parse, "Tcp, Udp, Icmp, Esp, Ah, *");
        required(priority, "priority", problems);
        required(direction, "direction", problems);
        required(access, "access", problems);
        required(protocol, "protocol", problems);
        // Sized: concatenation compiles to a StringBuilder (see the parent POM), which grew twice per rule here.
        String id = new StringBuilder(nsgId.length() + 15 + ruleName.length()).append(nsgId)
                .append("/securityRules/").append(ruleName).toString();
        return new SecurityRule(id, name, priority, direction, access, protocol,
                sources, sourcePorts, destinations, destinationPorts, sourceAsgs, destinationAsgs,
                Fields.string(properties, "description"), problems, location);
    }

    /** The singular field (if set and not empty) followed by the plural one. */
    private static Field<List<String>> merged(JNode properties, String singular, String plural,
            List<String> problems) {
        Field<String> one = Fields.string(properties, singular);
        Field<List<String>> many = Fields.strings(properties, plural);
        if (one instanceof Field.Unknown<String> u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (one instanceof Field.Invalid<String> i) {
            return Field.invalid(i.raw(), i.problem(), i.location());
        }
        if (!(many instanceof Field.Known<List<String>>) && !(many instanceof Field.Absent)) {
            return many;
        }
        boolean hasOne = one instanceof Field.Known<String> k && !k.value().isEmpty();
        List<String> list = many.orDefault(List.of());
        if (!hasOne) {
            return list.isEmpty() ? Field.absent() : many; // the plural field's list, already an immutable copy
        }
        String value = ((Field.Known<String>) one).value();
        if (list.isEmpty()) {
            return Field.known(List.of(value)); // the common case: one prefix or port, no list to build
        }
        problems.add("both " + singular + " and " + plural + " are set; Azure accepts only one");
        List<String> values = new ArrayList<>(1 + list.size());
        values.add(value);
        values.addAll(list);
        return Field.known(List.copyOf(values));
    }

    private static void requireOne(Field<List<String>> prefixes, Field<List<String>> groups, String what,
            List<String> problems) {
        boolean noPrefixes = prefixes instanceof Field.Absent;
        boolean noGroups = groups instanceof Field.Known<List<String>> k && k.value().isEmpty();
        if (noPrefixes && noGroups) {
            problems.add("no " + what + " is set");
        }
    }

    private static void required(Field<?> f, String what, List<String> problems) {
        if (f instanceof Field.Absent) {
            problems.add(what + " is not set");
        }
    }
}
