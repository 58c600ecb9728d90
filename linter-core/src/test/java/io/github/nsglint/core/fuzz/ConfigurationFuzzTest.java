package io.github.nsglint.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the configuration loader: SnakeYAML's composer under our limits, and every key's checks. */
class ConfigurationFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void configurations(byte[] data) {
        FuzzTargets.configuration(data);
    }
}
