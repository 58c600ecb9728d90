package io.github.nsglint.core.load.arm;

import static java.util.Objects.requireNonNull;

/**
 * The subscription and resource group a deployment goes to. Before deployment they are not known, so the
 * top-level deployment uses symbolic names ({@code {subscriptionId}}, {@code {resourceGroupName}}): they keep
 * resource IDs of one deployment consistent with each other, and no rule ever reads them as real values.
 * A nested deployment that names another resource group gets that name.
 */
record DeploymentTarget(String subscriptionId, String resourceGroupName) {

    static final DeploymentTarget SYMBOLIC = new DeploymentTarget("{subscriptionId}", "{resourceGroupName}");

    DeploymentTarget {
        requireNonNull(subscriptionId, "subscriptionId is null");
        requireNonNull(resourceGroupName, "resourceGroupName is null");
    }

    String subscriptionPrefix() {
        return "/subscriptions/" + subscriptionId;
    }

    String resourceGroupPrefix() {
        return subscriptionPrefix() + "/resourceGroups/" + resourceGroupName;
    }
}
