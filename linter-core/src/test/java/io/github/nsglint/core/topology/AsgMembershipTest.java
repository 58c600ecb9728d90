package io.github.nsglint.core.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application security group is its members' addresses when the scanned files declare every NIC that could
 * join it; anything that could add a member unseen keeps it open, with the reason.
 */
class AsgMembershipTest {

    @TempDir
    Path dir;

    private static final String ASG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
            + "Microsoft.Network/applicationSecurityGroups/asg-web";

    private Topology topology(String extraResources, boolean declareAsg, String asgField) throws IOException {
        String template = """
            {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
             "parameters": {"asgs": {"type": "array"}},
             "resources": [
              %s
              {"type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": {
                "addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
                "subnets": [{"name": "w", "properties": {"addressPrefix": "10.1.1.0/24"}}]}},
              {"type": "Microsoft.Network/networkInterfaces", "name": "in", "properties": {"ipConfigurations": [
                {"name": "ip", "properties": {"privateIPAddress": "10.1.1.4", "applicationSecurityGroups": [{"id": "[resourceId('Microsoft.Network/applicationSecurityGroups', 'asg-web')]"}],
                  "subnet": {"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 'w')]"}}}]}},
              {"type": "Microsoft.Network/networkInterfaces", "name": "out", "properties": {"ipConfigurations": [
                {"name": "ip", "properties": {"applicationSecurityGroups": %s,
                  "subnet": {"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 'w')]"}}}]}}
              %s
             ]}""".formatted(declareAsg ? "{\"type\": \"Microsoft.Network/applicationSecurityGroups\", \"name\":"
                + " \"asg-web\", \"properties\": {}}," : "", asgField, extraResources);
        Path f = Files.writeString(dir.resolve("t.json"), template);
        NetworkModel m = new ModelLoader().load(List.of(f), null).model();
        return Topology.of(m, TargetMode.SUBNETS_WITH_NICS);
    }

    private static NetworkInterface nic(Topology t, String name) {
        return t.model().networkInterfaces().stream().filter(n -> n.name().known().orElseThrow().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void aDeclaredAsgWhoseNicsAreAllDeclaredHasKnownMembers() throws IOException {
        Topology t = topology("", true, "[]");
        AsgMembership.Known k = assertInstanceOf(AsgMembership.Known.class, t.membersOf(ASG));
        assertEquals(List.of("in"), k.members().stream().map(m -> m.nic().name().known().orElseThrow()).toList());
        assertEquals(true, t.isMember(nic(t, "in"), ASG));
        assertEquals(false, t.isMember(nic(t, "out"), ASG));
    }

    @Test
    void anAsgNotDeclaredHereMayHaveMembersElsewhere() throws IOException {
        Topology t = topology("", false, "[]");
        AsgMembership.Open o = assertInstanceOf(AsgMembership.Open.class, t.membersOf(ASG));
        assertEquals("application security group 'asg-web' is not declared in the scanned files, so NICs deployed"
                + " elsewhere may be members", o.reason());
        assertEquals(true, t.isMember(nic(t, "in"), ASG), "a NIC's own membership is still known");
    }

    @Test
    void aNicWhoseAsgsAreUnknownKeepsEveryAsgOpen() throws IOException {
        Topology t = topology("", true, "\"[parameters('asgs')]\"");
        AsgMembership.Open o = assertInstanceOf(AsgMembership.Open.class, t.membersOf(ASG));
        assertTrue(o.reason().startsWith("the application security groups of NIC out are not known"), o.reason());
        assertEquals(null, t.isMember(nic(t, "out"), ASG));
    }

    @Test
    void aLinkedTemplateMayAddMembers() throws IOException {
        Topology t = topology(", {\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2022-09-01\","
                + " \"name\": \"more-vms\", \"properties\": {\"mode\": \"Incremental\", \"templateLink\": {\"uri\":"
                + " \"https://example.com/vms.json\"}}}", true, "[]");
        AsgMembership.Open o = assertInstanceOf(AsgMembership.Open.class, t.membersOf(ASG));
        assertTrue(o.reason().startsWith("application security group members may be declared where nsglint cannot"
                + " see: linked template is not followed"), o.reason());
    }
}
