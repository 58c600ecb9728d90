package io.github.nsglint.report.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.LoadResult;
import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.ModelElement;
import io.github.nsglint.core.model.ModelGap;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Peering;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import io.github.nsglint.core.model.OperatingSystem;
import io.github.nsglint.core.topology.BastionEndpoint;
import io.github.nsglint.core.topology.BastionPlacement;
import io.github.nsglint.core.topology.BastionSkus;
import io.github.nsglint.core.topology.PortNeed;
import io.github.nsglint.core.topology.NsgAttachment;
import io.github.nsglint.core.topology.PeeringLink;
import io.github.nsglint.core.topology.Topology;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Writes the network model as the linter sees it ({@code nsglint show}): every element with its source
 * location, the topology (which NSG sits where, peering links, Bastion targets), and every Unknown with its
 * reason and location. Model records are walked generically, so a field added to the model is shown without
 * a change here. Field values: a known value as is; an unset one omitted; Unknown and Invalid as objects.
 */
public final class ModelJsonWriter {

    private final JsonFactory factory = JsonFactory.builder().build();

    public void write(LoadResult result, Topology topology, Writer out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            new Walk(g, topology).document(result);
            g.flush();
        }
        out.write(System.lineSeparator());
    }

    /** An Unknown field: the element and field that hold it, why it is unknown, and where that comes from. */
    private record UnknownUse(String element, String field, String reason, SourceLocation location) {
    }

    /** One write: the generator, the topology, and the Unknowns met so far. */
    private static final class Walk {
        private final JsonGenerator g;
        private final Topology topology;
        private final List<UnknownUse> unknowns = new ArrayList<>();
        private final Deque<String> elementIds = new ArrayDeque<>();
        private final Deque<String> path = new ArrayDeque<>();

        Walk(JsonGenerator g, Topology topology) {
            this.g = g;
            this.topology = topology;
        }

        void document(LoadResult result) throws IOException {
            var model = result.model();
            g.writeStartObject();
            g.writeFieldName("files");
            g.writeStartArray();
            for (String f : result.loadedFiles()) {
                g.writeString(f);
            }
            g.writeEndArray();
            list("virtualNetworks", model.virtualNetworks());
            list("networkSecurityGroups", model.networkSecurityGroups());
            list("networkInterfaces", model.networkInterfaces());
            list("virtualMachines", model.virtualMachines());
            list("bastionHosts", model.bastionHosts());
            list("publicIpAddresses", model.publicIpAddresses());
            list("applicationSecurityGroups", model.applicationSecurityGroups());
            list("routeTables", model.routeTables());
            list("virtualHubConnections", model.virtualHubConnections());
            list("diagnosticSettings", model.diagnosticSettings());
            list("flowLogs", model.flowLogs());
            peeringLinks();
            g.writeFieldName("unknowns");
            g.writeStartArray();
            for (UnknownUse u : unknowns) {
                g.writeStartObject();
                g.writeStringField("element", u.element());
                g.writeStringField("field", u.field());
                g.writeStringField("reason", u.reason());
                g.writeStringField("location", u.location().display());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("gaps");
            g.writeStartArray();
            for (ModelGap gap : model.gaps()) {
                g.writeStartObject();
                g.writeStringField("resourceType", gap.resourceType());
                g.writeStringField("reason", gap.reason());
                g.writeStringField("location", gap.location().display());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("diagnostics");
            g.writeStartArray();
            for (LoadDiagnostic d : result.diagnostics()) {
                g.writeStartObject();
                g.writeStringField("level", d.level().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringField("location", d.location().display());
                g.writeStringField("message", d.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void list(String name, List<?> elements) throws IOException {
            g.writeFieldName(name);
            g.writeStartArray();
            for (Object e : elements) {
                value(e);
            }
            g.writeEndArray();
        }

        private void peeringLinks() throws IOException {
            g.writeFieldName("peeringLinks");
            g.writeStartArray();
            for (PeeringLink l : topology.peeringLinks()) {
                g.writeStartObject();
                g.writeStringField("virtualNetworkA", l.vnetA());
                g.writeStringField("virtualNetworkB", l.vnetB());
                g.writeBooleanField("bothDirections", l.bothDirections());
                g.writeStringField("state", l.state().name());
                if (!l.reason().isEmpty()) {
                    g.writeStringField("reason", l.reason());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void value(Object v) throws IOException {
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String s) {
                g.writeString(s);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Enum<?> e) {
                g.writeString(e instanceof io.github.nsglint.core.model.Protocol p ? p.armName()
                        : e instanceof io.github.nsglint.core.model.Direction d ? d.armName()
                        : e instanceof io.github.nsglint.core.model.Access a ? a.armName()
                        : e instanceof io.github.nsglint.core.model.OperatingSystem o ? o.armName() : e.name());
            } else if (v instanceof SourceLocation loc) {
                g.writeString(loc.display());
            } else if (v instanceof Collection<?> c) {
                g.writeStartArray();
                int i = 0;
                for (Object e : c) {
                    path.addLast("[" + i++ + "]");
                    value(e);
                    path.removeLast();
                }
                g.writeEndArray();
            } else if (v instanceof Map<?, ?> m) {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    value(e.getValue());
                }
                g.writeEndObject();
            } else if (v instanceof Record r) {
                record(r);
            } else {
                g.writeString(String.valueOf(v));
            }
        }

        private void record(Record r) throws IOException {
            boolean element = r instanceof ModelElement;
            if (element) {
                elementIds.push(((ModelElement) r).id());
            }
            g.writeStartObject();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = read(c, r);
                if (v instanceof Field<?> f) {
                    if (f instanceof Field.Absent) {
                        continue;
                    }
                    g.writeFieldName(c.getName());
                    path.addLast(c.getName());
                    field(f);
                    path.removeLast();
                } else {
                    g.writeFieldName(c.getName());
                    path.addLast(c.getName());
                    value(v);
                    path.removeLast();
                }
            }
            topologyOf(r);
            g.writeEndObject();
            if (element) {
                elementIds.pop();
            }
        }

        private void field(Field<?> f) throws IOException {
            if (f instanceof Field.Known<?> k) {
                value(k.value());
            } else if (f instanceof Field.Unknown<?> u) {
                g.writeStartObject();
                g.writeStringField("unknown", u.reason());
                g.writeStringField("at", u.location().display());
                g.writeEndObject();
                unknowns.add(new UnknownUse(elementIds.isEmpty() ? "" : elementIds.peek(),
                        String.join(".", path).replace(".[", "["), u.reason(), u.location()));
            } else if (f instanceof Field.Invalid<?> i) {
                g.writeStartObject();
                g.writeStringField("invalid", i.raw());
                g.writeStringField("problem", i.problem());
                g.writeStringField("at", i.location().display());
                g.writeEndObject();
            }
        }

        /** What the topology adds to an element: where NSGs sit, NICs per subnet, peering state, targets. */
        private void topologyOf(Record r) throws IOException {
            if (r instanceof Subnet s) {
                attachment("effectiveNetworkSecurityGroup", topology.nsgOf(s));
                g.writeFieldName("networkInterfaces");
                g.writeStartArray();
                for (NetworkInterface nic : topology.nicsIn(s)) {
                    g.writeString(nic.id());
                }
                g.writeEndArray();
            } else if (r instanceof NetworkInterface nic) {
                attachment("effectiveNetworkSecurityGroup", topology.nsgOf(nic));
                var vm = topology.virtualMachineOf(nic);
                if (vm.isPresent()) {
                    g.writeStringField("virtualMachine", vm.get().id());
                }
            } else if (r instanceof Peering p) {
                for (PeeringLink l : topology.linksOf(p.localVirtualNetworkId())) {
                    if (l.forward() == p || l.backward() == p) {
                        g.writeBooleanField("bothDirections", l.bothDirections());
                        g.writeStringField("linkState", l.state().name());
                    }
                }
            } else if (r instanceof NetworkSecurityGroup nsg) {
                g.writeFieldName("attachedTo");
                g.writeStartArray();
                for (ModelElement a : topology.attachmentsOf(nsg)) {
                    g.writeString(a.id());
                }
                g.writeEndArray();
            } else if (r instanceof BastionHost b) {
                for (BastionPlacement p : topology.bastions()) {
                    if (p.bastion() == b) {
                        placement(p);
                    }
                }
            } else if (r instanceof VirtualNetwork v) {
                g.writeFieldName("peeredWith");
                g.writeStartArray();
                for (PeeringLink l : topology.linksOf(v.id())) {
                    g.writeString(io.github.nsglint.core.model.ResourceIds.same(l.vnetA(), v.id()) ? l.vnetB()
                            : l.vnetA());
                }
                g.writeEndArray();
            }
        }

        private void placement(BastionPlacement p) throws IOException {
            g.writeFieldName("placement");
            g.writeStartObject();
            if (p.subnet() != null) {
                g.writeStringField("bastionSubnet", p.subnet().id());
            }
            if (p.network() != null) {
                g.writeStringField("virtualNetwork", p.network().id());
            }
            g.writeFieldName("targets");
            g.writeStartArray();
            for (Subnet t : p.targets()) {
                g.writeString(t.id());
            }
            g.writeEndArray();
            endpoints(p);
            g.writeFieldName("problems");
            g.writeStartArray();
            for (String problem : p.problems()) {
                g.writeString(problem);
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        /** What the Bastion opens sessions to, and on which ports by its SKU and each VM's OS. */
        private void endpoints(BastionPlacement p) throws IOException {
            g.writeFieldName("endpoints");
            g.writeStartArray();
            for (BastionEndpoint e : p.endpoints()) {
                g.writeStartObject();
                g.writeStringField("subnet", e.subnet().id());
                if (e.nicOrNull() != null) {
                    g.writeStringField("networkInterface", e.nicOrNull().id());
                }
                if (e.vmOrNull() != null) {
                    g.writeStringField("virtualMachine", e.vmOrNull().id());
                    Field<OperatingSystem> os = e.vmOrNull().os();
                    g.writeStringField("os", os.known().map(OperatingSystem::armName).orElse("Unknown"));
                    g.writeStringField("osBasis", e.vmOrNull().osBasis());
                }
                if (!e.customPorts().isEmpty()) {
                    g.writeFieldName("customPorts");
                    value(e.customPorts());
                }
                PortNeed need = BastionSkus.connectPorts(e);
                g.writeFieldName("ports");
                value(need.isCertain() ? need.worlds().get(0) : need.worlds());
                if (!need.isCertain()) {
                    g.writeStringField("portsDependOn", need.reason());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void attachment(String name, NsgAttachment a) throws IOException {
            g.writeFieldName(name);
            if (a instanceof NsgAttachment.None) {
                g.writeString("none");
            } else if (a instanceof NsgAttachment.Attached at) {
                g.writeString(at.nsg().id());
            } else {
                g.writeStartObject();
                g.writeStringField("unresolved", ((NsgAttachment.Unresolved) a).reason());
                g.writeEndObject();
            }
        }

        private static Object read(RecordComponent c, Record r) {
            try {
                return c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(),
                        e);
            }
        }
    }
}
