package io.github.nsglint.benchmarks;

import io.github.nsglint.core.flow.AddressSet;
import io.github.nsglint.core.flow.FlowBox;
import io.github.nsglint.core.flow.FlowEngine;
import io.github.nsglint.core.flow.FlowSet;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.flow.NsgHygiene;
import io.github.nsglint.core.flow.Protocols;
import io.github.nsglint.core.flow.ServiceTagPrefixes;
import io.github.nsglint.core.flow.TagContext;
import io.github.nsglint.core.flow.Verdict;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.topology.TargetMode;
import io.github.nsglint.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The flow engine at Azure's limits. Each operation starts from the model (a new engine, so nothing compiled is
 * reused) and answers the whole question: for one NSG of N rules, shadowed-rule analysis of every rule plus the
 * catalog's flow queries on it; for a hub with 500 peered spokes, every spoke query of the catalog. The fork
 * runs with a 256 MB heap: the benchmark completing is the memory bound.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class FlowEngineBenchmark {

    @Param({"10", "100", "1000"})
    public int rules;

    private NetworkModel oneNsg;
    private NetworkModel hub;

    @Setup
    public void setUp() {
        NetworkSecurityGroup nsg = SyntheticNetworks.nsg("big-nsg", rules, 42);
        oneNsg = new NetworkModel(List.of(), List.of(nsg), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        hub = SyntheticNetworks.hubAndSpokes(500);
    }

    /** Shadowed-rule analysis of every rule, then the catalog's queries on the NSG, from a fresh engine. */
    @Benchmark
    public List<Object> nsgAnalysis() {
        FlowEngine e = FlowEngine.of(Topology.of(oneNsg, TargetMode.SUBNETS_WITH_NICS), ServiceTagPrefixes.NONE);
        NetworkSecurityGroup nsg = oneNsg.networkSecurityGroups().get(0);
        TagContext ctx = e.unattached();
        List<Object> out = new ArrayList<>(new NsgHygiene(e).shadowedRules(nsg, ctx));
        out.addAll(NsgHygiene.duplicatePriorities(nsg));
        out.addAll(NsgHygiene.invalidFields(nsg));
        AddressSet any = e.addresses("*", ctx);
        AddressSet internet = e.addresses("Internet", ctx);
        AddressSet vnet = e.addresses("VirtualNetwork", ctx);
        IntervalSet mgmt = IntervalSet.of(22, 22).union(IntervalSet.of(3389, 3389));
        IntervalSet dataPlane = IntervalSet.of(5701, 5701).union(IntervalSet.of(8080, 8080));
        // NSG001, NSG005, BAS010-013, BAS020-023: the catalog's flow questions about one NSG.
        out.add(denied(e, nsg, ctx, Direction.INBOUND, Protocols.ALL, internet, any, mgmt));
        out.add(denied(e, nsg, ctx, Direction.INBOUND, Protocols.ALL, internet, any, FlowBox.ANY_PORT));
        out.add(allowed(e, nsg, ctx, Direction.INBOUND, Protocols.TCP, internet, any, IntervalSet.of(443, 443)));
        out.add(allowed(e, nsg, ctx, Direction.INBOUND, Protocols.TCP, e.addresses("GatewayManager", ctx), any,
                IntervalSet.of(443, 443)));
        out.add(allowed(e, nsg, ctx, Direction.INBOUND, Protocols.TCP, e.addresses("AzureLoadBalancer", ctx), any,
                IntervalSet.of(443, 443)));
        out.add(allowed(e, nsg, ctx, Direction.INBOUND, Protocols.ALL, vnet, vnet, dataPlane));
        out.add(allowed(e, nsg, ctx, Direction.OUTBOUND, Protocols.ALL, any, vnet, mgmt));
        out.add(allowed(e, nsg, ctx, Direction.OUTBOUND, Protocols.TCP, any, e.addresses("AzureCloud", ctx),
                IntervalSet.of(443, 443)));
        out.add(allowed(e, nsg, ctx, Direction.OUTBOUND, Protocols.ALL, vnet, vnet, dataPlane));
        out.add(allowed(e, nsg, ctx, Direction.OUTBOUND, Protocols.ALL, any, internet, IntervalSet.of(80, 80)));
        return out;
    }

    private static Verdict allowed(FlowEngine e, NetworkSecurityGroup nsg, TagContext ctx, Direction d, int protocols,
            AddressSet src, AddressSet dst, IntervalSet ports) {
        return e.mustAllow(nsg, d, ctx, e.flows(protocols, src, FlowBox.ANY_PORT, dst, ports));
    }

    private static Verdict denied(FlowEngine e, NetworkSecurityGroup nsg, TagContext ctx, Direction d, int protocols,
            AddressSet src, AddressSet dst, IntervalSet ports) {
        return e.mustDeny(nsg, d, ctx, e.flows(protocols, src, FlowBox.ANY_PORT, dst, ports));
    }

    /**
     * A hub with 500 peered spokes, from a fresh engine: for every Bastion target (each spoke's subnet, through
     * its NIC), SSH and RDP from the Bastion subnet allowed (SPK001) and from everywhere else denied (SPK002).
     * The rules parameter does not change this model; it is run once per value like the rest.
     */
    @Benchmark
    public int hubWith500Spokes() {
        FlowEngine e = FlowEngine.of(Topology.of(hub, TargetMode.SUBNETS_WITH_NICS), ServiceTagPrefixes.NONE);
        var placement = e.topology().bastions().get(0);
        AddressSet bastion = e.addressesOf(placement.bastionSubnet().orElseThrow());
        IntervalSet mgmt = IntervalSet.of(22, 22).union(IntervalSet.of(3389, 3389));
        int holds = 0;
        for (var target : placement.targets()) {
            for (var nic : e.nicsIn(target)) {
                AddressSet dst = e.addressesOf(target);
                FlowSet fromBastion = e.flows(Protocols.TCP, bastion, FlowBox.ANY_PORT, dst, mgmt);
                if (e.allAllowed(e.evaluate(target, nic, Direction.INBOUND, fromBastion), Direction.INBOUND)
                        instanceof Verdict.Holds) {
                    holds++;
                }
                AddressSet elsewhere = e.addresses("*", e.contextOf(target)).subtract(bastion);
                FlowSet others = e.flows(Protocols.ALL, elsewhere, FlowBox.ANY_PORT, dst, mgmt);
                if (e.allDenied(e.evaluate(target, nic, Direction.INBOUND, others), Direction.INBOUND)
                        instanceof Verdict.Holds) {
                    holds++;
                }
            }
        }
        if (holds != 2 * placement.targets().size()) {
            throw new IllegalStateException("expected every spoke query to hold, got " + holds);
        }
        return holds;
    }
}
