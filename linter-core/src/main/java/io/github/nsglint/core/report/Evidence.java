package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.flow.DecidingRule;
import io.github.nsglint.core.model.SourceLocation;
import java.util.List;

/** Why a finding was raised: a witness flow and the rules that decide it, an unknown value, or a property. */
public sealed interface Evidence permits Evidence.Flow, Evidence.Unknown, Evidence.Property {

    /**
     * A concrete flow and the rules along its path (the last real rule decides).
     *
     * @param flow the flow as text, e.g. {@code Tcp 10.0.0.4:49152 → 10.1.1.4:22}
     */
    record Flow(String flow, List<DecidingRule> path, DecidingRule deciding) implements Evidence {
        public Flow {
            requireNonNull(flow, "flow is null");
            path = List.copyOf(path);
            requireNonNull(deciding, "deciding is null");
        }
    }

    /**
     * A value the linter cannot know: why, and where it comes from; {@code candidate} is a flow that would break
     * the requirement if the unknown went the wrong way, or null.
     */
    record Unknown(String reason, SourceLocation at, Flow candidate) implements Evidence {
        public Unknown {
            requireNonNull(reason, "reason is null");
        }
    }

    /** A property that does not hold: the value found, as text. */
    record Property(String found) implements Evidence {
        public Property {
            requireNonNull(found, "found is null");
        }
    }
}
