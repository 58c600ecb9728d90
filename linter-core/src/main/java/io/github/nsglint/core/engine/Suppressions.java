package io.github.nsglint.core.engine;

import io.github.nsglint.core.config.ConfiguredSuppression;
import io.github.nsglint.core.load.InlineSuppression;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.ResourceIds;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Suppression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Marks the findings a project has accepted. A suppression only ever marks a finding (it stays in every report);
 * one that cannot be trusted does not suppress and says why: a template's suppression without justification,
 * an expired configured one, one naming a rule the catalog does not have. One that matches nothing is noted, so
 * stale suppressions get cleaned up.
 */
final class Suppressions {

    /** The findings, some marked suppressed, and what the user must hear about the suppressions. */
    record Applied(List<Finding> findings, List<LoadDiagnostic> diagnostics) {
    }

    private Suppressions() {
    }

    static Applied apply(List<Finding> findings, List<InlineSuppression> inline,
            List<ConfiguredSuppression> configured, Set<String> ruleIds, LocalDate today) {
        List<LoadDiagnostic> diagnostics = new ArrayList<>();
        List<InlineSuppression> usableInline = new ArrayList<>();
        for (InlineSuppression s : inline) {
            if (!ruleIds.contains(s.rule().toUpperCase(Locale.ROOT))) {
                diagnostics.add(warning(s, "names rule " + s.rule()
                        + ", which the catalog does not have; it suppresses nothing"));
            } else if (s.justification().isEmpty()) {
                diagnostics.add(warning(s, "has no justification, so it does not suppress:"
                        + " add \"justification\": \"why the finding is accepted\""));
            } else {
                usableInline.add(s);
            }
        }
        List<ConfiguredSuppression> active = new ArrayList<>();
        for (ConfiguredSuppression s : configured) {
            if (s.expiredOn(today)) {
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.WARNING, s.location(), "suppression of "
                        + s.describe() + " expired on " + s.expires() + "; its findings count again"));
            } else {
                active.add(s);
            }
        }
        Map<Object, Boolean> used = new IdentityHashMap<>();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Suppression marked = f.suppression();
            for (InlineSuppression s : usableInline) {
                if (marked == null && s.rule().equalsIgnoreCase(f.rule().id()) && within(f.resourceId(), s.resourceId())) {
                    marked = new Suppression(Suppression.Kind.INLINE, s.location().display(), s.justification(), null);
                    used.put(s, true);
                }
            }
            for (ConfiguredSuppression s : active) {
                if (marked == null && s.rule().equalsIgnoreCase(f.rule().id()) && s.covers(f.resourceId())) {
                    marked = new Suppression(Suppression.Kind.CONFIGURATION, s.location().display(), s.justification(),
                            s.expires());
                    used.put(s, true);
                }
            }
            out.add(marked == f.suppression() ? f : f.withSuppression(marked));
        }
        for (InlineSuppression s : usableInline) {
            if (!used.containsKey(s)) {
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.NOTE, s.location(), "suppression of "
                        + s.rule() + " matched no finding; remove it if the problem is fixed"));
            }
        }
        for (ConfiguredSuppression s : active) {
            if (!used.containsKey(s)) {
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.NOTE, s.location(), "suppression of "
                        + s.describe() + " matched no finding; remove it if the problem is fixed"));
            }
        }
        return new Applied(out, diagnostics);
    }

    /** A resource's suppression covers findings about it and about its children (a VNet's subnets). */
    private static boolean within(String findingResource, String suppressingResource) {
        return ResourceIds.same(findingResource, suppressingResource)
                || findingResource.toLowerCase(Locale.ROOT).startsWith(suppressingResource.toLowerCase(Locale.ROOT) + "/");
    }

    private static LoadDiagnostic warning(InlineSuppression s, String problem) {
        return new LoadDiagnostic(LoadDiagnostic.Level.WARNING, s.location(), "suppression of " + s.rule() + " " + problem);
    }
}
