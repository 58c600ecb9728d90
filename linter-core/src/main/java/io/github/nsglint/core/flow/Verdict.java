package io.github.nsglint.core.flow;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;

/** The answer to a question about flows. INDETERMINATE is never a pass: a security gate fails closed. */
public sealed interface Verdict permits Verdict.Holds, Verdict.Violated, Verdict.Indeterminate {

    /** Every flow in question behaves as required. */
    record Holds() implements Verdict {
    }

    /** Some flow does not; the witness is one, with the rule that decides it. */
    record Violated(Witness witness) implements Verdict {
        public Violated {
            requireNonNull(witness, "witness is null");
        }
    }

    /**
     * The answer depends on something the linter cannot know. {@code candidate} is a flow that would break the
     * requirement if the unknown went the wrong way (with the rules involved), when there is one.
     */
    record Indeterminate(String reason, SourceLocation at, Witness candidate) implements Verdict {
        public Indeterminate {
            requireNonNull(reason, "reason is null");
        }
    }
}
