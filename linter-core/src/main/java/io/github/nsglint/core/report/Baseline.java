package io.github.nsglint.core.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a run with a previous one: a finding whose rule and fingerprint the baseline has is unchanged (or
 * updated, when its message or severity differ: another witness, a changed level); one it lacks is new; the
 * baseline's findings this run lacks are absent. Fingerprints ignore line numbers, so reformatting or moving
 * things in a template changes nothing.
 */
public final class Baseline {

    private Baseline() {
    }

    /** {@code previous}: the baseline's findings, as read from its file. */
    public static Report compare(Report current, List<AbsentResult> previous) {
        Map<String, AbsentResult> before = new HashMap<>();
        for (AbsentResult p : previous) {
            before.put(p.ruleId() + "|" + p.fingerprint(), p);
        }
        List<String> prints = current.fingerprints();
        List<Finding> compared = new ArrayList<>();
        for (int i = 0; i < current.findings().size(); i++) {
            Finding f = current.findings().get(i);
            AbsentResult match = before.remove(f.rule().id() + "|" + prints.get(i));
            BaselineState state = match == null ? BaselineState.NEW
                    : match.message().equals(f.message()) && match.level().equals(f.severity().toSarifLevel())
                            ? BaselineState.UNCHANGED : BaselineState.UPDATED;
            compared.add(f.withBaseline(state));
        }
        List<AbsentResult> gone = previous.stream()
                .filter(p -> before.containsKey(p.ruleId() + "|" + p.fingerprint())).toList();
        return current.withFindings(compared, gone);
    }
}
