package io.github.nsglint.core.load.arm;

/**
 * An expression Azure would reject or that the evaluator cannot compute (syntax error, wrong argument type,
 * missing property). The evaluator turns it into an Unknown value at the expression that raised it and
 * records a diagnostic, so one bad expression never stops the rest of the template from loading.
 */
final class ArmEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whether the cause was already reported: the expression is Unknown without another warning. */
    private final boolean reported;

    ArmEvaluationException(String message) {
        this(message, false);
    }

    ArmEvaluationException(String message, boolean reported) {
        super(message);
        this.reported = reported;
    }

    boolean reported() {
        return reported;
    }
}
