package io.github.nsglint.core.flow;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.Direction;

/**
 * One flow, concrete enough to read and to test with: {@code Tcp 10.1.0.4:49152 → 10.2.1.4:22}. An address the
 * template does not pin down (a service tag without its prefixes) is named, e.g. {@code GatewayManager (an IPv4
 * address of the tag)}.
 *
 * @param sourcePort      -1 for protocols without ports
 * @param destinationPort -1 for protocols without ports
 */
public record ConcreteFlow(Direction direction, String protocol, String source, int sourcePort, String destination,
        int destinationPort) {

    public ConcreteFlow {
        requireNonNull(direction, "direction is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(source, "source is null");
        requireNonNull(destination, "destination is null");
    }

    @Override
    public String toString() {
        return protocol + " " + endpoint(source, sourcePort) + " \u2192 " + endpoint(destination, destinationPort);
    }

    private static String endpoint(String address, int port) {
        if (port < 0) {
            return address;
        }
        return (address.indexOf(':') >= 0 && address.indexOf(' ') < 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
