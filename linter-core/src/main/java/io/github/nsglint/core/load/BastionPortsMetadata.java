package io.github.nsglint.core.load;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.model.CustomPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Custom Bastion ports declared in a resource's template metadata: {@code "metadata": {"nsglint": {"bastionPorts":
 * [2222]}}} on a VM, a scale set, a NIC or a subnet. ARM cannot show which port a VM's SSH or RDP server listens
 * on, so the template says it. A value that is not a list of ports 1-65535 is an error at its place and declares
 * nothing: the targets are then judged on 22 and 3389, the stricter reading for SPK002.
 */
final class BastionPortsMetadata {

    private BastionPortsMetadata() {
    }

    static Optional<CustomPorts> read(String resourceId, JNode metadata, List<LoadDiagnostic> diagnostics) {
        JNode nsglint = metadata instanceof JObject m ? m.getOrNull("nsglint") : null;
        JNode value = nsglint instanceof JObject o ? o.getOrNull("bastionPorts") : null;
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JUnknown u) {
            diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, u.location(), "metadata.nsglint.bastionPorts"
                    + " is not known (" + u.reason() + "): custom ports must be written out"));
            return Optional.empty();
        }
        List<JNode> items = value instanceof JArray a ? a.elements() : List.of(value);
        List<Integer> ports = new ArrayList<>();
        for (JNode item : items) {
            Integer port = port(item);
            if (port == null) {
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, item.location(),
                        "metadata.nsglint.bastionPorts holds ports 1-65535, not '" + Fields.text(item)
                                + "'; no custom port is declared here"));
                return Optional.empty();
            }
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        if (ports.isEmpty()) {
            diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, value.location(),
                    "metadata.nsglint.bastionPorts is empty; list the ports, or leave it out"));
            return Optional.empty();
        }
        return Optional.of(new CustomPorts(resourceId, ports, value.location()));
    }

    private static Integer port(JNode item) {
        try {
            int p = item instanceof JNumber n ? n.value().intValueExact()
                    : item instanceof JString s ? Integer.parseInt(s.value().trim()) : -1;
            return p >= 1 && p <= 65535 ? p : null;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
