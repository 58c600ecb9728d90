package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.core.flow.InternetWidth;
import io.github.nsglint.core.report.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The project's Internet width decides which of NSG001 (the Internet at large) and NSG016 (an allow list) reports
 * a management port open to public addresses: RDP from 20.0.0.0/8 is wider than a /16, narrower than a /4.
 */
class InternetWidthLintTest {

    private static final Path SLASH8 = RuleFixturesTest.FIXTURES.resolve("NSG001/fail-public-slash8.json");

    private static List<String> violated(LintRequest request) {
        return Linter.run(request).findings().stream().filter(f -> f.kind() == Finding.Kind.VIOLATED)
                .map(f -> f.rule().id()).filter(id -> id.equals("NSG001") || id.equals("NSG016")).toList();
    }

    @Test
    void aSlash8IsTheInternetByDefaultAndAnAllowListBelowASlash4() {
        assertEquals(List.of("NSG001"), violated(LintRequest.of(List.of(SLASH8))));
        assertEquals(List.of("NSG016"), violated(LintRequest.of(List.of(SLASH8))
                .withInternetWidth(new InternetWidth(4, 32))));
    }

    @Test
    void widthIsCountedInAddressesOfEachFamily() {
        InternetWidth w = InternetWidth.DEFAULT;
        var v4 = io.github.nsglint.core.internal.net.AddressSpace.prefixes(List.of("81.2.0.0/16"));
        var wider = io.github.nsglint.core.internal.net.AddressSpace.prefixes(List.of("81.2.0.0/16", "81.4.0.0/24"));
        var v6 = io.github.nsglint.core.internal.net.AddressSpace.prefixes(List.of("2a00::/31"));
        var privateOnly = io.github.nsglint.core.internal.net.AddressSpace.prefixes(List.of("10.0.0.0/8"));
        assertEquals(false, w.wide(v4), "a /16 is not wider than a /16");
        assertEquals(true, w.wide(wider), "a /16 and a /24 together are");
        assertEquals(true, w.wide(v6), "a /31 is wider than a /32");
        assertEquals(false, w.wide(privateOnly), "private addresses are never the Internet");
    }
}
