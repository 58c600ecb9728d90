package io.github.nsglint.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The hang guard fails saying what it is, is generous, and leaves every other failure alone. */
class HangGuardTest {

    private static ExtensionContext named(String name) {
        return (ExtensionContext) Proxy.newProxyInstance(HangGuardTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDisplayName")) {
                        return name;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aTimeoutFailsAsAHangGuardNotAsASpeedTest() {
        AssertionError e = assertThrows(AssertionError.class, () -> new HangGuard.Message()
                .handleTestExecutionException(named("bomb()"), new TimeoutException("bomb() timed out after 5 minutes")));
        assertTrue(e.getMessage().startsWith("hang guard: bomb() did not finish in 5 minutes"), e.getMessage());
        assertTrue(e.getMessage().contains("not a speed test"), e.getMessage());
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        AssertionError failed = new AssertionError("expected 1 finding");
        assertSame(failed, assertThrows(AssertionError.class,
                () -> new HangGuard.Message().handleTestExecutionException(named("x()"), failed)));
    }

    @Test
    void theGuardIsMinutesNotSeconds() {
        Timeout t = HangGuard.class.getAnnotation(Timeout.class);
        assertEquals(TimeUnit.MINUTES, t.unit());
        assertTrue(t.value() >= 5, "a hang guard is generous: " + t.value());
    }
}
