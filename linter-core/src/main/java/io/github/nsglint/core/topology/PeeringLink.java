package io.github.nsglint.core.topology;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.Peering;
import java.util.Optional;

/**
 * The peering between two VNets, both directions together. Traffic flows, and each side's
 * {@code VirtualNetwork} tag takes in the other's address space, only when the link is {@link State#CONNECTED}.
 *
 * @param forward  the peering declared on {@code vnetA} towards {@code vnetB}, if any
 * @param backward the peering declared on {@code vnetB} towards {@code vnetA}, if any
 */
public record PeeringLink(String vnetA, String vnetB, Peering forward, Peering backward, State state, String reason) {

    public PeeringLink {
        requireNonNull(vnetA, "vnetA is null");
        requireNonNull(vnetB, "vnetB is null");
        requireNonNull(state, "state is null");
        requireNonNull(reason, "reason is null");
    }

    public Optional<Peering> forwardPeering() {
        return Optional.ofNullable(forward);
    }

    public Optional<Peering> backwardPeering() {
        return Optional.ofNullable(backward);
    }

    public boolean bothDirections() {
        return forward != null && backward != null;
    }

    /** Whether the link carries traffic. */
    public enum State {
        /** Both directions exist and both allow virtual network access. */
        CONNECTED,
        /** Only one direction is declared: no traffic flows. */
        ONE_WAY,
        /** Both directions exist but one disables virtual network access. */
        ACCESS_DISABLED,
        /** A direction's settings or conditions are Unknown. */
        UNKNOWN
    }
}
