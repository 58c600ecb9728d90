package io.github.nsglint.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A guard against a hang, never a speed test: a test that runs for {@value #MINUTES} minutes is stuck (the work it
 * does takes seconds on a loaded two-core machine), and fails saying so. No test asserts a duration; the work is
 * bounded by what is deterministic (a heap limit, an operation count, the answer itself).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Timeout(value = HangGuard.MINUTES, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@ExtendWith(HangGuard.Message.class)
public @interface HangGuard {

    /** Generous on purpose: only a hang gets near it. */
    long MINUTES = 5;

    /** Turns JUnit's timeout into a failure that says it is a hang guard. */
    final class Message implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable t) throws Throwable {
            if (t instanceof TimeoutException) {
                throw new AssertionError("hang guard: " + context.getDisplayName() + " did not finish in " + MINUTES
                        + " minutes; it is stuck (this is not a speed test: the case takes seconds)", t);
            }
            throw t;
        }
    }
}
