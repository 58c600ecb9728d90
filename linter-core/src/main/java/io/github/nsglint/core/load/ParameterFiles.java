package io.github.nsglint.core.load;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JUnknown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Finds and reads ARM parameters files. */
final class ParameterFiles {

    private ParameterFiles() {
    }

    /** {@code X.parameters.json} beside {@code X.json}, if it exists. */
    static Optional<Path> besides(Path template) {
        String name = template.getFileName().toString();
        if (!name.endsWith(".json") || name.endsWith(".parameters.json")) {
            return Optional.empty();
        }
        Path candidate = template.resolveSibling(name.substring(0, name.length() - 5) + ".parameters.json");
        return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * The values of a {@code parameters} object: {@code value} as given (parameters files are not evaluated);
     * a Key Vault {@code reference} is Unknown, since the secret is read at deployment.
     */
    static Map<String, JNode> values(JObject parameters) {
        Map<String, JNode> out = new LinkedHashMap<>();
        parameters.members().forEach((name, p) -> {
            if (p instanceof JObject o) {
                if (o.has("value")) {
                    out.put(name, o.getOrNull("value"));
                } else if (o.has("reference")) {
                    out.put(name, new JUnknown("parameter '" + name + "' comes from a Key Vault reference",
                            o.location()));
                }
            }
        });
        return out;
    }
}
