package io.github.nsglint.core.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The configuration's name patterns: '*' any text, '?' one character, ignoring case, without backtracking blow-up. */
class NamePatternTest {

    private static final String VM = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm-linux-web";
    private static final String SUBNET = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/"
            + "hub/subnets/AzureBastionSubnet";

    @Test
    void aResourceMatchesByItsIdItsNameInTheIdOrItsLastSegmentOrAParents() {
        assertTrue(new NamePattern("vm-linux-*").matchesResource(VM));
        assertTrue(new NamePattern("VM-LINUX-WEB").matchesResource(VM));
        assertTrue(new NamePattern("hub/azurebastionsubnet").matchesResource(SUBNET));
        assertTrue(new NamePattern("hub").matchesResource(SUBNET), "a VNet's pattern covers its subnets");
        assertTrue(new NamePattern("*/virtualMachines/vm-?inux-web").matchesResource(VM));
        assertFalse(new NamePattern("vm-windows-*").matchesResource(VM));
        assertFalse(new NamePattern("linux").matchesResource(VM), "the whole name must match");
    }

    @Property(tries = 300)
    void agreesWithTheRegularExpressionItStandsFor(@ForAll @StringLength(max = 8) @CharRange(from = 'a', to = 'c')
            String text, @ForAll @StringLength(max = 6) @CharRange(from = '*', to = '*') @CharRange(from = '?', to = '?')
            @CharRange(from = 'a', to = 'c') String pattern) {
        String regex = pattern.replace("?", ".").replace("*", ".*");
        assertTrue(Pattern.matches(regex, text) == new NamePattern(pattern).matches(text), pattern + " ~ " + text);
    }

    @Test
    void aPatternOfManyStarsAgainstALongNameEndsAtOnce() {
        // A backtracking glob takes exponential time here; this one is linear per star (a hang guard would catch it).
        String name = "a".repeat(100_000);
        assertFalse(new NamePattern("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b").matches(name));
        assertTrue(new NamePattern("*prod*web*nsg*").matches("x-prod-y-web-z-nsg-1"));
    }
}
