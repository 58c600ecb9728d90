package io.github.nsglint.benchmarks;

import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JsonReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The property lookups reading one security rule costs, on the shape the model builder sees: a rule's property
 * bag of ten members, asked for the singular and the plural of each address and port field (one of each pair
 * absent), the application security groups (absent), priority, direction, access, protocol and description.
 * Compare two builds by running it from each one's benchmarks jar.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MemberLookup}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class MemberLookupBenchmark {

    private static final List<String> ASKED = List.of("sourceAddressPrefix", "sourceAddressPrefixes",
            "destinationAddressPrefix", "destinationAddressPrefixes", "sourceApplicationSecurityGroups",
            "destinationApplicationSecurityGroups", "sourcePortRange", "sourcePortRanges", "destinationPortRange",
            "destinationPortRanges", "priority", "direction", "access", "protocol", "description");

    private JObject properties;

    @Setup
    public void setUp() {
        properties = (JObject) new JsonReader().parse("""
                {"protocol": "Tcp", "sourcePortRange": "*", "destinationPortRanges": ["22", "3389"],
                 "sourceAddressPrefix": "10.0.0.0/8", "destinationAddressPrefixes": ["10.1.0.0/16"],
                 "access": "Allow", "priority": 100, "direction": "Inbound", "description": "d",
                 "provisioningState": "Succeeded"}
                """, "rule.json");
    }

    @Benchmark
    public void securityRuleLookups(Blackhole bh) {
        for (String name : ASKED) {
            bh.consume(properties.getOrNull(name));
        }
    }
}
