package io.github.nsglint.core.load;

import io.github.nsglint.core.load.arm.ResourceInstance;
import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.model.Deployment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads live resource exports into resource instances. Values are taken literally: a live resource has no
 * expressions. The Azure CLI flattens {@code properties} into the resource; the model builder reads both.
 */
final class LiveResources {

    private LiveResources() {
    }

    /** The exported resources; an entry that is no resource (no absolute ID or no type) is a warning. */
    static List<ResourceInstance> read(JNode root, List<LoadDiagnostic> diagnostics) {
        List<JNode> items = new ArrayList<>();
        if (root instanceof JArray a) {
            items.addAll(a.elements());
        } else if (root instanceof JObject o) {
            if (InputKind.isLiveResource(o)) {
                items.add(o);
            } else {
                for (String listKey : new String[] {"value", "data"}) {
                    if (o.getOrNull(listKey) instanceof JArray a) {
                        items.addAll(a.elements());
                    }
                }
            }
        }
        List<ResourceInstance> out = new ArrayList<>();
        for (JNode item : items) {
            if (!InputKind.isLiveResource(item)) {
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.WARNING, item.location(), "this entry of the"
                        + " export has no absolute resource 'id' or no 'type', so it is not loaded; the other entries"
                        + " are"));
                continue;
            }
            JObject o = (JObject) item;
            String id = ((JString) o.getOrNull("id")).value();
            String type = ((JString) o.getOrNull("type")).value();
            JNode name = o.getOrNull("name") instanceof JString s ? s
                    : new JString(id.substring(id.lastIndexOf('/') + 1), o.location());
            JNode props = o.getOrNull("properties") instanceof JObject p ? p : o;
            out.add(new ResourceInstance(type, name, id, "", props, orNull(o, "sku"), orNull(o, "location"),
                    new JNull(o.location()), Deployment.LIVE, o.location()));
        }
        return out;
    }

    private static JNode orNull(JObject o, String name) {
        JNode v = o.getOrNull(name);
        return v == null ? new JNull(o.location()) : v;
    }
}
