package io.github.nsglint.core.load.arm;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nsglint.core.load.json.JUnknown;
import org.junit.jupiter.api.Test;

class FunctionTableTest {

    @Test
    void everyEvaluatorSharesOneTableThatNoOneCanChange() {
        FunctionTable table = FunctionTable.standard();
        assertSame(table, FunctionTable.standard());
        // Shared between threads and loaders: a registration after it is built must fail, not leak into others.
        assertThrows(UnsupportedOperationException.class,
                () -> table.register("concat", inv -> new JUnknown("replaced", inv.at())));
    }
}
