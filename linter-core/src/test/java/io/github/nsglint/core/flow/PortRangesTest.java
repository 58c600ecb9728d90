package io.github.nsglint.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.nsglint.core.internal.net.IntervalSet;
import org.junit.jupiter.api.Test;

/** The port tokens Azure accepts, and those it rejects (which must never read as some port). */
class PortRangesTest {

    @Test
    void readsWhatAzureAccepts() {
        assertEquals(FlowBox.ANY_PORT, PortRanges.parse("*"));
        assertEquals(FlowBox.ANY_PORT, PortRanges.parse(" * "));
        assertEquals(IntervalSet.of(22, 22), PortRanges.parse("22"));
        assertEquals(IntervalSet.of(22, 22), PortRanges.parse(" 22 "));
        assertEquals(IntervalSet.of(0, 0), PortRanges.parse("0"));
        assertEquals(IntervalSet.of(65535, 65535), PortRanges.parse("65535"));
        assertEquals(IntervalSet.of(20, 25), PortRanges.parse("20-25"));
        assertEquals(IntervalSet.of(20, 25), PortRanges.parse("20 - 25"));
        assertEquals(IntervalSet.of(0, 65535), PortRanges.parse("0-65535"));
        assertEquals(IntervalSet.of(7, 7), PortRanges.parse("7-7"));
    }

    @Test
    void rejectsEverythingElse() {
        for (String bad : new String[] {"", " ", "**", "25-20", "65536", "0-65536", "-1", "5-", "-", "1-2-3", "22a",
            "0x16", "+22", "2 2", "123456", "\uff12\uff12", "\u0662\u0662", "22,23", "*-22"}) {
            assertNull(PortRanges.parse(bad), "'" + bad + "' must not read as a port");
            assertEquals(false, PortRanges.isValid(bad), "'" + bad + "' must not pass as valid");
        }
    }
}
