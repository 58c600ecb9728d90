package io.github.nsglint.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the rule-language lexer, parser, AST builder, compiler and interpreter. */
class RuleLanguageFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void ruleFiles(byte[] data) {
        FuzzTargets.ruleFile(data);
    }
}
