package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A network security group with its custom rules (inline and child {@code securityRules} resources merged).
 * The default rules are not listed here: they are a fact of the platform, added by the flow engine.
 *
 * @param securityRules the rules the scanned files declare; Unknown when the list as a whole cannot be evaluated
 *                      (e.g. {@code [reference(...)]})
 * @param complete      Known(true) when {@code securityRules} are all the NSG's rules; Unknown when the NSG is
 *                      declared outside the scanned files and only rules added to it are known, so other rules,
 *                      with any priority, may exist
 */
public record NetworkSecurityGroup(
        String id,
        Field<String> name,
        Field<List<SecurityRule>> securityRules,
        Field<Boolean> complete,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public NetworkSecurityGroup {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(securityRules, "securityRules is null");
        requireNonNull(complete, "complete is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }

    /** An NSG declared outside the scanned files, of which only the rules added to it here are known. */
    public boolean declaredElsewhere() {
        return deployment.origin() == Deployment.Origin.REFERENCED && complete instanceof Field.Unknown<Boolean>;
    }

    /**
     * The NSG as the rules added here make it, its unknown other rules left out: what a rule-level question (does
     * this rule open SSH to the Internet?) judges, since those rules are all it can see of the NSG.
     */
    public NetworkSecurityGroup whatItAdds() {
        return new NetworkSecurityGroup(id, name, securityRules, Field.known(true), deployment, location);
    }
}
