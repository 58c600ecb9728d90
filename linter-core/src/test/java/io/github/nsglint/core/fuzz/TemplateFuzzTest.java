package io.github.nsglint.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the JSON reader, the ARM evaluator and expander, the model, topology and every rule. */
class TemplateFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void templates(byte[] data) {
        FuzzTargets.template(data);
    }
}
