package io.github.nsglint.core.load.arm;

/**
 * An expression Azure would reject or that the evaluator cannot compute (syntax error, wrong argument type,
 * missing property). The evaluator turns it into an Unknown value at the expression that raised it and
 * records a diagnostic, so one bad expression never stops the rest of the template from loading.
 */
final class ArmEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ArmEvaluationException(String message) {
        super(message);
    }
}
