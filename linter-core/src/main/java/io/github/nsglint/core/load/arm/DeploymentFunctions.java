package io.github.nsglint.core.load.arm;

import static io.github.nsglint.core.load.arm.ArmFunction.eager;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * parameters, variables, copyIndex, and the deployment and scope functions. The deployment's subscription and
 * resource group are symbolic (see {@link DeploymentTarget}); what is only known at deployment (the resource
 * group's location, the tenant, the deployment's name) is Unknown.
 */
final class DeploymentFunctions {

    private DeploymentFunctions() {
    }

    static void register(FunctionTable t) {
        t.register("parameters", eager(1, 1, (a, inv) -> {
            String name = Values.string(a.get(0), "the parameter name");
            if (inv.scope().inFunction()) {
                JNode v = inv.scope().functionParameter(name);
                if (v == null) {
                    throw new ArmEvaluationException("the function has no parameter '" + name + "'");
                }
                return v;
            }
            return inv.scope().template().parameter(name, inv.at());
        }));
        t.register("variables", eager(1, 1, (a, inv) ->
                inv.scope().template().variable(Values.string(a.get(0), "the variable name"))));
        t.register("copyindex", eager(0, 2, DeploymentFunctions::copyIndex));
        t.register("resourcegroup", eager(0, 0, (a, inv) -> resourceGroup(inv)));
        t.register("subscription", eager(0, 0, (a, inv) -> subscription(inv)));
        t.register("tenant", eager(0, 0, (a, inv) -> object(inv.at(),
                "tenantId", unknown("the tenant", inv.at()),
                "displayName", unknown("the tenant", inv.at()))));
        t.registerDeploymentTime("deployment", "describes the running deployment (its name, its template link)");
        t.registerDeploymentTime("deployer", "describes who runs the deployment (its object and tenant IDs), known only"
                + " at deployment");
        t.registerDeploymentTime("environment", "describes the target cloud, known only at deployment");
        t.registerDeploymentTime("managementgroup", "is the deployment's management group");
    }

    private static JNode copyIndex(java.util.List<JNode> a, Invocation inv) {
        String loop = null;
        long offset = 0;
        if (!a.isEmpty()) {
            if (a.get(0) instanceof JString s) {
                loop = s.value();
                if (a.size() > 1) {
                    offset = Values.integer(a.get(1), "the offset of copyIndex()");
                }
            } else {
                offset = Values.integer(a.get(0), "the offset of copyIndex()");
            }
        }
        Integer index = inv.scope().loopIndex(loop);
        if (index == null) {
            throw new ArmEvaluationException(loop == null ? "copyIndex() is used outside a copy loop"
                    : "copyIndex('" + loop + "') is used outside the copy loop '" + loop + "'");
        }
        return JNumber.of(index + offset, inv.at());
    }

    private static JNode resourceGroup(Invocation inv) {
        DeploymentTarget target = inv.scope().template().target();
        return object(inv.at(),
                "id", new JString(target.resourceGroupPrefix(), inv.at()),
                "name", new JString(target.resourceGroupName(), inv.at()),
                "type", new JString("Microsoft.Resources/resourceGroups", inv.at()),
                "location", unknown("the resource group's location", inv.at()),
                "tags", new JObject(Map.of(), inv.at()));
    }

    private static JNode subscription(Invocation inv) {
        DeploymentTarget target = inv.scope().template().target();
        return object(inv.at(),
                "id", new JString(target.subscriptionPrefix(), inv.at()),
                "subscriptionId", new JString(target.subscriptionId(), inv.at()),
                "tenantId", unknown("the subscription's tenant", inv.at()),
                "displayName", unknown("the subscription's name", inv.at()));
    }

    private static JUnknown unknown(String what, SourceLocation at) {
        return new JUnknown(what + " is known only at deployment", at);
    }

    private static JObject object(SourceLocation at, Object... keyValues) {
        Map<String, JNode> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], (JNode) keyValues[i + 1]);
        }
        return new JObject(m, at);
    }
}
