package io.github.nsglint.core.topology;

/** Which subnets count as a Bastion's targets. */
public enum TargetMode {
    /** Subnets that hold a NIC (a VM or scale set): the default. */
    SUBNETS_WITH_NICS,
    /** Every subnet in reach. */
    ALL_SUBNETS
}
