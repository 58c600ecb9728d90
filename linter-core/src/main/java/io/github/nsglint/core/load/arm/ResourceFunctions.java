package io.github.nsglint.core.load.arm;

import static io.github.nsglint.core.load.arm.ArmFunction.eager;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JString;
import java.util.ArrayList;
import java.util.List;

/**
 * Resource ID functions, computed exactly as ARM does; and the functions that read deployed resources
 * ({@code reference}, {@code list*}, ...), which are Unknown.
 */
final class ResourceFunctions {

    private ResourceFunctions() {
    }

    static void register(FunctionTable t) {
        t.register("resourceid", eager(2, Integer.MAX_VALUE, (a, inv) -> {
            List<String> args = strings(a);
            int typeAt = typeIndex(args);
            if (typeAt > 2) {
                throw new ArmEvaluationException("resourceId() takes at most a subscription and a resource group"
                        + " before the resource type");
            }
            DeploymentTarget target = inv.scope().template().target();
            String subscription = typeAt == 2 ? args.get(0) : target.subscriptionId();
            String group = typeAt == 2 ? args.get(1) : typeAt == 1 ? args.get(0) : target.resourceGroupName();
            String prefix = "/subscriptions/" + subscription + "/resourceGroups/" + group;
            return id(prefix, args.get(typeAt), args.subList(typeAt + 1, args.size()), inv);
        }));
        t.register("subscriptionresourceid", eager(2, Integer.MAX_VALUE, (a, inv) -> {
            List<String> args = strings(a);
            int typeAt = typeIndex(args);
            if (typeAt > 1) {
                throw new ArmEvaluationException("subscriptionResourceId() takes at most a subscription before the"
                        + " resource type");
            }
            String subscription = typeAt == 1 ? args.get(0) : inv.scope().template().target().subscriptionId();
            return id("/subscriptions/" + subscription, args.get(typeAt), args.subList(typeAt + 1, args.size()), inv);
        }));
        t.register("tenantresourceid", eager(2, Integer.MAX_VALUE, (a, inv) -> {
            List<String> args = strings(a);
            return id("", args.get(0), args.subList(1, args.size()), inv);
        }));
        t.register("extensionresourceid", eager(3, Integer.MAX_VALUE, (a, inv) -> {
            List<String> args = strings(a);
            String scope = args.get(0);
            if (scope.endsWith("/")) {
                scope = scope.substring(0, scope.length() - 1);
            }
            return id(scope, args.get(1), args.subList(2, args.size()), inv);
        }));
        t.register("managementgroupresourceid", eager(2, Integer.MAX_VALUE, (a, inv) -> {
            List<String> args = strings(a);
            int typeAt = typeIndex(args);
            if (typeAt == 0) {
                throw new ArmEvaluationException("managementGroupResourceId() without a management group name needs"
                        + " the deployment's management group, which is known only at deployment");
            }
            return id("/providers/Microsoft.Management/managementGroups/" + args.get(0), args.get(typeAt),
                    args.subList(typeAt + 1, args.size()), inv);
        }));
        String deployed = "reads a deployed resource; its value is known only at deployment";
        t.register("reference", inv -> {
            inv.arity(1, 3);
            JNode target = inv.arg(0);
            if (target instanceof JString s) {
                java.util.Optional<JNode> module = ModuleOutputs.reference(s.value(), inv);
                if (module.isPresent()) {
                    // reference(id, api, 'Full') holds the deployment's properties under "properties".
                    boolean full = inv.count() == 3 && inv.arg(2) instanceof JString f
                            && f.value().equalsIgnoreCase("full");
                    return full ? new io.github.nsglint.core.load.json.JObject(java.util.Map.of("properties",
                            module.get()), inv.at()) : module.get();
                }
            }
            return new io.github.nsglint.core.load.json.JUnknown("reference() " + deployed, inv.at());
        });
        t.registerDeploymentTime("references", deployed);
        t.registerDeploymentTime("pickzones", "depends on the zones of the target region");
        t.registerDeploymentTime("providers", "reads the resource providers registered in the subscription");
        t.registerDeploymentTime("resourceinfo", deployed);
    }

    private static List<String> strings(List<JNode> a) {
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(Values.string(a.get(i), "argument " + (i + 1) + " of a resource ID function"));
        }
        return out;
    }

    /** The resource type is the first argument with a '/' ({@code Microsoft.Network/virtualNetworks}). */
    private static int typeIndex(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).indexOf('/') > 0 && args.get(i).indexOf('.') > 0 && i + 1 < args.size()) {
                return i;
            }
        }
        throw new ArmEvaluationException("no resource type (such as 'Microsoft.Network/virtualNetworks') among "
                + args);
    }

    /** {@code prefix/providers/Namespace/type1/name1/type2/name2}: one name per type segment. */
    static JString id(String prefix, String fullType, List<String> names, Invocation inv) {
        return new JString(build(prefix, fullType, names), inv.at());
    }

    static String build(String prefix, String fullType, List<String> rawNames) {
        String[] typeParts = fullType.split("/");
        if (typeParts.length < 2) {
            throw new ArmEvaluationException("'" + fullType + "' is not a resource type");
        }
        List<String> names = new ArrayList<>();
        for (String n : rawNames) {
            for (String part : n.split("/")) {
                names.add(part);
            }
        }
        if (names.size() != typeParts.length - 1) {
            throw new ArmEvaluationException("resource type '" + fullType + "' needs " + (typeParts.length - 1)
                    + " name segment(s) but was given " + names.size() + ": " + names);
        }
        StringBuilder sb = new StringBuilder(prefix).append("/providers/").append(typeParts[0]);
        for (int i = 1; i < typeParts.length; i++) {
            sb.append('/').append(typeParts[i]).append('/').append(names.get(i - 1));
        }
        return sb.toString();
    }
}
