package io.github.nsglint.core.topology;

import io.github.nsglint.core.model.SourceLocation;
import java.util.List;

/**
 * The ports something needs, in each state the template leaves possible. One world: the answer is certain. More
 * than one (the VM's OS or the Bastion's SKU is an unknown value): {@code reason} says why, {@code at} where that
 * comes from, and a verdict is certain only when it is the same in every world.
 *
 * @param worlds each a list of ports, in the order a fix prefers them
 */
public record PortNeed(List<List<Integer>> worlds, String reason, SourceLocation at) {

    public PortNeed {
        worlds = worlds.stream().map(List::copyOf).toList();
        if (worlds.isEmpty()) {
            throw new IllegalArgumentException("a need has at least one world");
        }
    }

    public static PortNeed certain(List<Integer> ports) {
        return new PortNeed(List.of(ports), null, null);
    }

    public boolean isCertain() {
        return worlds.size() == 1;
    }
}
