package io.github.nsglint.core.flow;

import io.github.nsglint.core.model.Access;
import java.util.ArrayList;
import java.util.List;

/**
 * First-match evaluation of compiled rules over a set of flows, as Azure processes an NSG: in order, the first
 * rule that matches decides. A rule that only perhaps matches some flows splits them: if they would get the
 * same answer either way (the rule allows, and so does the next rule that takes them), the answer is certain;
 * otherwise it is UNKNOWN with the rule's reason.
 */
final class FirstMatch {

    /** How many uncertain rules deep a flow is followed before it is left UNKNOWN. */
    static final int MAX_UNCERTAIN_DEPTH = 6;

    private FirstMatch() {
    }

    static List<Decision> evaluate(FlowSet query, List<CompiledRule> rules) {
        List<Decision> out = new ArrayList<>();
        evaluate(query, rules, 0, 0, out);
        return out;
    }

    private static void evaluate(FlowSet query, List<CompiledRule> rules, int start, int depth, List<Decision> out) {
        FlowSet remaining = query;
        for (int i = start; i < rules.size() && !remaining.isEmpty(); i++) {
            CompiledRule r = rules.get(i);
            FlowSet hit = remaining.intersect(r.possible());
            if (hit.isEmpty()) {
                continue;
            }
            FlowSet unsure = hit;
            if (r.access() != null) {
                Decision.Outcome outcome = outcome(r.access());
                for (FlowBox b : hit.intersect(r.definite()).boxes()) {
                    out.add(new Decision(b, outcome, List.of(r.decides()), null, null));
                }
                unsure = hit.subtract(r.definite());
            }
            if (!unsure.isEmpty()) {
                undecided(unsure, r, rules, i, depth, out);
            }
            remaining = remaining.subtract(r.possible());
        }
    }

    /** Flows the rule perhaps matches: certain only if every way gives the same answer. */
    private static void undecided(FlowSet flows, CompiledRule r, List<CompiledRule> rules, int i, int depth,
            List<Decision> out) {
        if (r.access() == null || depth >= MAX_UNCERTAIN_DEPTH) {
            for (FlowBox b : flows.boxes()) {
                out.add(new Decision(b, Decision.Outcome.UNKNOWN, List.of(r.decides()), r.uncertainty(),
                        r.uncertainAt()));
            }
            return;
        }
        List<Decision> ifNotMatched = new ArrayList<>();
        evaluate(flows, rules, i + 1, depth + 1, ifNotMatched);
        Decision.Outcome ifMatched = outcome(r.access());
        for (Decision d : ifNotMatched) {
            if (d.outcome() == ifMatched) {
                out.add(d);
            } else if (d.outcome() == Decision.Outcome.UNKNOWN) {
                out.add(d.reason() != null ? d
                        : new Decision(d.flows(), d.outcome(), d.rules(), r.uncertainty(), r.uncertainAt()));
            } else {
                out.add(new Decision(d.flows(), Decision.Outcome.UNKNOWN, List.of(r.decides(), d.deciding()),
                        r.uncertainty(), r.uncertainAt()));
            }
        }
    }

    static Decision.Outcome outcome(Access access) {
        return access == Access.ALLOW ? Decision.Outcome.ALLOWED : Decision.Outcome.DENIED;
    }
}
