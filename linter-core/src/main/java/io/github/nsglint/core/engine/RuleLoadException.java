package io.github.nsglint.core.engine;

import io.github.nsglint.grammar.parser.RuleError;
import java.util.List;

/**
 * Rule files that cannot be used: syntax or semantic errors. Carries every error of every file, and the files'
 * text, so each error can be shown with its source line and a caret.
 */
public final class RuleLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleError> errors;
    private final transient java.util.Map<String, String> sources;

    RuleLoadException(List<RuleError> errors, java.util.Map<String, String> sources) {
        super(errors.get(0).display());
        this.errors = List.copyOf(errors);
        this.sources = java.util.Map.copyOf(sources);
    }

    public List<RuleError> errors() {
        return errors;
    }

    /** Every error, {@code file:line:column: message}, then the source line and a caret. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (RuleError e : errors) {
            if (sb.length() > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append(e.render(sources.getOrDefault(e.sourceName(), "")));
        }
        return sb.toString();
    }
}
