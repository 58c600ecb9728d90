package io.github.nsglint.core.load;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import java.util.Locale;

/** What a JSON file is, decided by its {@code $schema} or, failing that, by its shape. */
enum InputKind {
    /** An ARM deployment template (hand-written, exported, or compiled from Bicep). */
    TEMPLATE,
    /** A deployment request: {@code {"properties": {"template": ..., "parameters": ...}}}. */
    DEPLOYMENT_REQUEST,
    /** An ARM parameters file. */
    PARAMETERS,
    /** Live resources: {@code az ... show}, {@code az resource list}, a REST list or a Resource Graph export. */
    LIVE_RESOURCES,
    /** Any other JSON (package.json, a settings file): skipped with a note. */
    OTHER;

    static InputKind of(JNode root) {
        if (root instanceof JArray a) {
            return isExportList(a) ? LIVE_RESOURCES : OTHER;
        }
        if (!(root instanceof JObject o)) {
            return OTHER;
        }
        String schema = o.string("$schema").orElse("").toLowerCase(Locale.ROOT);
        if (schema.contains("deploymenttemplate")) {
            return TEMPLATE;
        }
        if (schema.contains("deploymentparameters")) {
            return PARAMETERS;
        }
        JNode resources = o.getOrNull("resources");
        if ((resources instanceof JArray || resources instanceof JObject)
                && (o.has("contentVersion") || o.has("parameters") || o.has("variables") || o.has("outputs")
                || o.has("languageVersion"))) {
            return TEMPLATE;
        }
        if (o.getOrNull("properties") instanceof JObject p && p.getOrNull("template") instanceof JObject) {
            return DEPLOYMENT_REQUEST;
        }
        if (isLiveResource(o)) {
            return LIVE_RESOURCES;
        }
        for (String listKey : new String[] {"value", "data"}) {
            if (o.getOrNull(listKey) instanceof JArray a && isExportList(a)) {
                return LIVE_RESOURCES;
            }
        }
        if (o.members().size() <= 3 && o.getOrNull("parameters") instanceof JObject ps && !ps.members().isEmpty()
                && ps.members().values().stream().allMatch(v -> v instanceof JObject po
                        && (po.has("value") || po.has("reference")))) {
            return PARAMETERS;
        }
        return OTHER;
    }

    /**
     * A list of exported resources: objects, at least half of them resources with an ID and a type. The others
     * (an entry without an ID, say) are reported and skipped when it is read, not a reason to refuse the export.
     */
    static boolean isExportList(JArray a) {
        long live = a.elements().stream().filter(InputKind::isLiveResource).count();
        return live > 0 && live * 2 >= a.size() && a.elements().stream().allMatch(JObject.class::isInstance);
    }

    /** An exported resource: an absolute resource ID and a resource type. */
    static boolean isLiveResource(JNode n) {
        return n instanceof JObject o
                && o.getOrNull("id") instanceof JString id && id.value().startsWith("/")
                && o.getOrNull("type") instanceof JString type && type.value().indexOf('/') > 0;
    }
}
