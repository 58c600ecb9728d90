package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one rule looked at: every resource it was checked against, whether or not it found anything. Reports
 * derive "passed" from it (checked, no finding) and tell a rule that passed from one that had nothing to check.
 */
public record RuleEvaluation(RuleMetadata rule, List<Subject> subjects) {

    public RuleEvaluation {
        requireNonNull(rule, "rule is null");
        subjects = List.copyOf(subjects);
    }

    /** A resource a rule was checked against: its ID and a readable name such as {@code subnet FrontEnd}. */
    public record Subject(String resourceId, String name) {
        public Subject {
            requireNonNull(resourceId, "resourceId is null");
            requireNonNull(name, "name is null");
        }
    }
}
