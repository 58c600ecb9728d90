package io.github.nsglint.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic estate for benchmarks/estate.sh: {@code TEMPLATES} ARM templates, each a hub (with Bastion)
 * and spokes peered both ways, with {@code NSGS} NSGs of {@code RULES} random rules (private and public CIDRs,
 * service tags, single ports, ranges and lists, both directions, fixed seeds). Every template has names of its
 * own, so the templates are separate networks, as in a real estate of many subscriptions.
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.nsglint.benchmarks.SyntheticEstate DIR TEMPLATES NSGS RULES</pre>
 */
public final class SyntheticEstate {

    private static final String[] TAGS = {"Internet", "VirtualNetwork", "AzureLoadBalancer", "Storage", "Sql",
        "AzureCloud", "GatewayManager"};

    private SyntheticEstate() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int templates = Integer.parseInt(args[1]);
        int nsgs = Integer.parseInt(args[2]);
        int rules = Integer.parseInt(args[3]);
        JsonFactory json = new JsonFactory();
        for (int t = 0; t < templates; t++) {
            try (JsonGenerator g = json.createGenerator(dir.resolve(String.format("t%04d.json", t)).toFile(),
                    JsonEncoding.UTF8)) {
                template(g, "t" + t, nsgs, rules, new Random(t));
            }
        }
    }

    private static void template(JsonGenerator g, String p, int nsgs, int rules, Random r) throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
        g.writeStringField("contentVersion", "1.0.0.0");
        g.writeArrayFieldStart("resources");
        for (int n = 0; n < nsgs; n++) {
            start(g, "networkSecurityGroups", p + "-nsg" + n);
            g.writeObjectFieldStart("properties");
            g.writeArrayFieldStart("securityRules");
            for (int i = 0; i < rules; i++) {
                rule(g, "r" + i, 100 + i, r);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        // The hub (NSG 0 on the Bastion subnet) and one spoke per further NSG, each NSG on its spoke's subnet.
        for (int v = 0; v < nsgs; v++) {
            start(g, "virtualNetworks", p + "-vnet" + v);
            g.writeObjectFieldStart("properties");
            g.writeObjectFieldStart("addressSpace");
            g.writeArrayFieldStart("addressPrefixes");
            g.writeString("10." + v + ".0.0/16");
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("subnets");
            g.writeStartObject();
            g.writeStringField("name", v == 0 ? "AzureBastionSubnet" : "workload");
            g.writeObjectFieldStart("properties");
            g.writeStringField("addressPrefix", v == 0 ? "10.0.1.0/26" : "10." + v + ".1.0/24");
            g.writeObjectFieldStart("networkSecurityGroup");
            g.writeStringField("id", "[resourceId('Microsoft.Network/networkSecurityGroups', '" + p + "-nsg" + v + "')]");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            if (v > 0) {
                peering(g, p + "-vnet0", p + "-vnet" + v);
                peering(g, p + "-vnet" + v, p + "-vnet0");
                start(g, "networkInterfaces", p + "-nic" + v);
                ipConfigurationIn(g, p + "-vnet" + v, "workload", true);
            }
        }
        start(g, "bastionHosts", p + "-bastion");
        ipConfigurationIn(g, p + "-vnet0", "AzureBastionSubnet", false);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void start(JsonGenerator g, String type, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Microsoft.Network/" + type);
        g.writeStringField("apiVersion", "2023-09-01");
        g.writeStringField("name", name);
        g.writeStringField("location", "uksouth");
    }

    /** The properties of a NIC or Bastion host with one IP configuration in a subnet, and the resource's end. */
    private static void ipConfigurationIn(JsonGenerator g, String vnet, String subnet, boolean dynamicIp)
            throws IOException {
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("ipConfigurations");
        g.writeStartObject();
        g.writeStringField("name", "ip");
        g.writeObjectFieldStart("properties");
        if (dynamicIp) {
            g.writeStringField("privateIPAllocationMethod", "Dynamic");
        }
        g.writeObjectFieldStart("subnet");
        g.writeStringField("id", "[resourceId('Microsoft.Network/virtualNetworks/subnets', '" + vnet + "', '"
                + subnet + "')]");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void peering(JsonGenerator g, String from, String to) throws IOException {
        start(g, "virtualNetworks/virtualNetworkPeerings", from + "/" + from + "-to-" + to);
        g.writeObjectFieldStart("properties");
        g.writeBooleanField("allowVirtualNetworkAccess", true);
        g.writeObjectFieldStart("remoteVirtualNetwork");
        g.writeStringField("id", "[resourceId('Microsoft.Network/virtualNetworks', '" + to + "')]");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void rule(JsonGenerator g, String name, int priority, Random r) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeObjectFieldStart("properties");
        g.writeNumberField("priority", priority);
        g.writeStringField("direction", r.nextInt(4) == 0 ? "Outbound" : "Inbound");
        g.writeStringField("access", r.nextBoolean() ? "Allow" : "Deny");
        g.writeStringField("protocol", new String[] {"Tcp", "Udp", "*"}[r.nextInt(3)]);
        g.writeStringField("sourcePortRange", "*");
        g.writeStringField("sourceAddressPrefix", address(r));
        g.writeStringField("destinationAddressPrefix", address(r));
        if (r.nextInt(4) == 0) {
            g.writeArrayFieldStart("destinationPortRanges");
            g.writeString(String.valueOf(1 + r.nextInt(1024)));
            g.writeString((1024 + r.nextInt(1000)) + "-" + (2100 + r.nextInt(1000)));
            g.writeEndArray();
        } else {
            g.writeStringField("destinationPortRange", r.nextInt(5) == 0 ? "*" : String.valueOf(1 + r.nextInt(65535)));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String address(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> TAGS[r.nextInt(TAGS.length)];
            case 1 -> "*";
            case 2 -> "10." + r.nextInt(256) + "." + r.nextInt(256) + ".0/" + (16 + r.nextInt(9));
            default -> (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + ".0/" + (8 + r.nextInt(25));
        };
    }
}
