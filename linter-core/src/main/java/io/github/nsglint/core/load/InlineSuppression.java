package io.github.nsglint.core.load;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding accepted in the template itself: an entry of a resource's {@code metadata.nsglint.suppress} list,
 * {@code {"rule": "NSG001", "justification": "..."}}. It covers findings about the resource and its children.
 *
 * @param justification why; empty when the entry gives none (then it does not suppress, and says so)
 */
public record InlineSuppression(String resourceId, String rule, String justification, SourceLocation location) {

    public InlineSuppression {
        requireNonNull(resourceId, "resourceId is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(justification, "justification is null");
        requireNonNull(location, "location is null");
    }

    /**
     * The suppressions in a resource's evaluated {@code metadata}; an entry that cannot be read is a warning (it
     * suppresses nothing).
     */
    static List<InlineSuppression> read(String resourceId, JNode metadata, List<LoadDiagnostic> diagnostics) {
        List<InlineSuppression> out = new ArrayList<>();
        JNode nsglint = metadata instanceof JObject m ? m.getOrNull("nsglint") : null;
        if (nsglint == null) {
            return out;
        }
        if (!(nsglint instanceof JObject o)) {
            warn(diagnostics, nsglint, "metadata.nsglint must be an object with 'suppress' and/or 'bastionPorts';"
                    + " nothing here is read");
            return out;
        }
        for (String key : o.members().keySet()) {
            if (KEYS.stream().noneMatch(key::equalsIgnoreCase)) {
                warn(diagnostics, o.members().get(key), "metadata.nsglint has no key '" + key + "'; keys: "
                        + String.join(", ", KEYS));
            }
        }
        JNode list = o.getOrNull("suppress");
        if (list == null && o.getOrNull("bastionPorts") != null) {
            return out;
        }
        if (!(list instanceof JArray entries)) {
            warn(diagnostics, list == null ? nsglint : list, "metadata.nsglint must hold a 'suppress' list of"
                    + " {rule, justification}; nothing is suppressed here");
            return out;
        }
        for (JNode entry : entries.elements()) {
            if (!(entry instanceof JObject e) || !(e.getOrNull("rule") instanceof JString rule)
                    || rule.value().isBlank()) {
                warn(diagnostics, entry, "a suppression needs {\"rule\": \"RULE-ID\", \"justification\": \"why\"};"
                        + " this entry suppresses nothing");
                continue;
            }
            JNode why = e.getOrNull("justification");
            String justification = why instanceof JString s ? s.value().strip() : "";
            if (why != null && !(why instanceof JString) && !(why instanceof JNull)) {
                warn(diagnostics, why, "the justification of a suppression must be a string");
            }
            out.add(new InlineSuppression(resourceId, rule.value().strip(), justification, entry.location()));
        }
        return out;
    }

    /** The keys of {@code metadata.nsglint}: suppressions here, custom Bastion ports in {@link BastionPortsMetadata}. */
    static final java.util.List<String> KEYS = List.of("suppress", "bastionPorts");

    private static void warn(List<LoadDiagnostic> diagnostics, JNode at, String message) {
        diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.WARNING, at.location(), message));
    }
}
