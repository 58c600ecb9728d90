package io.github.nsglint.core.engine;

import io.github.nsglint.core.flow.FlowEngine;
import io.github.nsglint.core.flow.InternetWidth;
import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.topology.BastionPlacement;
import io.github.nsglint.core.topology.Topology;

/**
 * What rules read while they run: the model, its topology, the flow engine, the chosen Bastion rule set, and how
 * many public addresses make the Internet at large ({@code from wide}, {@code from narrow}, NSG005).
 */
record EvalContext(NetworkModel model, Topology topology, FlowEngine engine, String bastionRuleSet,
        InternetWidth internetWidth) {

    EvalContext(NetworkModel model, Topology topology, FlowEngine engine, String bastionRuleSet) {
        this(model, topology, engine, bastionRuleSet, InternetWidth.DEFAULT);
    }

    BastionPlacement placement(BastionHost b) {
        for (BastionPlacement p : topology.bastions()) {
            if (p.bastion() == b) {
                return p;
            }
        }
        throw new IllegalStateException("every Bastion host has a placement");
    }
}
