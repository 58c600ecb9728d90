package io.github.nsglint.core.flow;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.Deployment;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.topology.TargetMode;
import io.github.nsglint.core.topology.Topology;
import java.util.Arrays;
import java.util.List;

/** Builds NSGs from compact rule lines, for tests: {@code "name 100 in allow tcp * * 10.0.0.0/8 22"}. */
final class Rules {

    private Rules() {
    }

    static SecurityRule rule(String line) {
        String[] f = line.trim().split("\\s+");
        SourceLocation at = SourceLocation.caret("test.json", 1, 1);
        return new SecurityRule("/nsg/securityRules/" + f[0], Field.known(f[0]), Field.known(Integer.parseInt(f[1])),
                Field.known(f[2].equals("in") ? Direction.INBOUND : Direction.OUTBOUND),
                Field.known(f[3].equals("allow") ? Access.ALLOW : Access.DENY),
                Field.known(Protocol.parse(f[4]).orElseThrow()), list(f[5]), list(f[6]), list(f[7]), list(f[8]),
                Field.known(List.of()), Field.known(List.of()), Field.absent(), List.of(), at);
    }

    static Field<List<String>> list(String commaSeparated) {
        return Field.known(Arrays.asList(commaSeparated.split(",")));
    }

    static NetworkSecurityGroup nsg(String... lines) {
        return nsg(Arrays.stream(lines).map(Rules::rule).toList());
    }

    static NetworkSecurityGroup nsg(List<SecurityRule> rules) {
        return new NetworkSecurityGroup("/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/"
                + "networkSecurityGroups/test-nsg", Field.known("test-nsg"), Field.known(rules), Field.known(true),
                Deployment.DECLARED, SourceLocation.caret("test.json", 1, 1));
    }

    /** An engine over a model holding only these NSGs. */
    static FlowEngine engine(NetworkSecurityGroup... nsgs) {
        NetworkModel m = new NetworkModel(List.of(), List.of(nsgs), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        return FlowEngine.of(Topology.of(m, TargetMode.SUBNETS_WITH_NICS), ServiceTagPrefixes.NONE);
    }

    static AddressSet ips(String cidr) {
        return AddressSet.ofIps(AddressSpace.cidr(cidr).orElseThrow());
    }

    static IntervalSet port(int p) {
        return IntervalSet.of(p, p);
    }

    static final IntervalSet ANY_PORT = FlowBox.ANY_PORT;
}
