package io.github.nsglint.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.core.internal.net.AddressSpace;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The validity checks that build nothing ({@link AddressSpace#isAddress}, {@link PortRanges#isValid}) say yes
 * exactly when the parsers give a set: invalid-field findings and the flow engine must never disagree about
 * which tokens Azure takes.
 */
class TokenValidationPropertiesTest {

    @Property(tries = 3000)
    void isAddressAgreesWithCidr(@ForAll("addressLike") String token) {
        boolean parsed = AddressSpace.cidr(token).isPresent();
        Statistics.collect(parsed ? "valid" : "invalid");
        assertEquals(parsed, AddressSpace.isAddress(token), () -> "'" + token + "'");
        Statistics.coverage(c -> c.check("valid").percentage(p -> p >= 15));
    }

    @Property(tries = 3000)
    void isValidAgreesWithParse(@ForAll("portLike") String token) {
        boolean parsed = PortRanges.parse(token) != null;
        Statistics.collect(parsed ? "valid" : "invalid");
        assertEquals(parsed, PortRanges.isValid(token), () -> "'" + token + "'");
        Statistics.coverage(c -> c.check("valid").percentage(p -> p >= 15));
    }

    @Example
    void edgeCasesAgree() {
        for (String t : new String[] {"10.0.0.0/24", " 10.0.0.0/24 ", "10.0.0/24.5", "10.0.0.0/2:", "10.0.0.0/33",
            "10.0.0.0/", "/24", "256.0.0.0", "1.2.3.4.5", "1..2.3", "2001:db8::/32", "2001:db8::/129", "::", "::1",
            "10.0.0.0:1/8", "0.0.0.0/0", "1.2.3.4/032", "1.2.3.4/1234", ""}) {
            assertEquals(AddressSpace.cidr(t).isPresent(), AddressSpace.isAddress(t), () -> "'" + t + "'");
        }
    }

    @Provide
    Arbitrary<String> addressLike() {
        Arbitrary<String> octet = Arbitraries.integers().between(0, 300).map(String::valueOf);
        Arbitrary<String> quad = Arbitraries.oneOf(octet.list().ofSize(4), octet.list().ofMinSize(2).ofMaxSize(5))
                .map(l -> String.join(".", l));
        Arbitrary<String> prefix = Arbitraries.integers().between(0, 40).map(p -> "/" + p);
        Arbitrary<String> v4 = net.jqwik.api.Combinators.combine(quad, prefix.injectNull(0.4))
                .as((q, p) -> p == null ? q : q + p);
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789./: abcdef").ofMaxLength(24);
        return Arbitraries.oneOf(v4, v4, noise);
    }

    @Provide
    Arbitrary<String> portLike() {
        Arbitrary<String> port = Arbitraries.integers().between(0, 70000).map(String::valueOf);
        Arbitrary<String> range = net.jqwik.api.Combinators.combine(port, port).as((a, b) -> a + "-" + b);
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789-* ").ofMaxLength(14);
        return Arbitraries.oneOf(port, range, noise);
    }
}
