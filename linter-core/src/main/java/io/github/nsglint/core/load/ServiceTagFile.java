package io.github.nsglint.core.load;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.flow.ServiceTagPrefixes;
import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JsonReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Microsoft's weekly service tag file (ServiceTags_Public_YYYYMMDD.json: {@code values[].name} and
 * {@code values[].properties.addressPrefixes}) so that tags resolve to exact prefixes. A file of another shape,
 * or a prefix that does not parse, is a {@link TemplateLoadException} with its position: a wrong tag file must
 * not quietly widen or narrow what a rule matches.
 */
public final class ServiceTagFile {

    private ServiceTagFile() {
    }

    public static ServiceTagPrefixes read(Path file) {
        String name = ModelLoader.display(file);
        JNode root = new JsonReader().read(file, name);
        if (!(root instanceof JObject o) || !(o.getOrNull("values") instanceof JArray values)) {
            throw error(root, "not a service tag file: it has no 'values' array");
        }
        Map<String, List<String>> prefixes = new LinkedHashMap<>();
        for (JNode v : values.elements()) {
            if (!(v instanceof JObject tag) || !(tag.getOrNull("name") instanceof JString tagName)
                    || !(tag.getOrNull("properties") instanceof JObject props)
                    || !(props.getOrNull("addressPrefixes") instanceof JArray list)) {
                throw error(v, "a service tag needs a name and properties.addressPrefixes");
            }
            List<String> out = new ArrayList<>(list.size());
            for (JNode p : list.elements()) {
                if (!(p instanceof JString s) || AddressSpace.cidr(s.value()).isEmpty()) {
                    throw error(p, "service tag " + tagName.value() + " has an address prefix that is not a CIDR");
                }
                out.add(s.value());
            }
            prefixes.put(tagName.value(), out);
        }
        return ServiceTagPrefixes.of(prefixes, name);
    }

    private static TemplateLoadException error(JNode at, String message) {
        return new TemplateLoadException(at.location().file(), at.location().line(), at.location().column(), message,
                null);
    }
}
