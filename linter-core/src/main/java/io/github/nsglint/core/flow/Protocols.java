package io.github.nsglint.core.flow;

import io.github.nsglint.core.model.Protocol;

/**
 * Protocol sets as bit masks. {@code *} covers every IP protocol, including ones NSG rules cannot name
 * ({@link #OTHER}). TCP and UDP carry ports; the others have none, which the port dimension marks as -1.
 */
public final class Protocols {

    public static final int TCP = 1;
    public static final int UDP = 2;
    public static final int ICMP = 4;
    public static final int ESP = 8;
    public static final int AH = 16;
    public static final int OTHER = 32;
    public static final int ALL = 63;
    public static final int WITH_PORTS = TCP | UDP;

    /** The port value of a protocol without ports. */
    public static final int NO_PORT = -1;

    private Protocols() {
    }

    public static int of(Protocol p) {
        return switch (p) {
            case TCP -> TCP;
            case UDP -> UDP;
            case ICMP -> ICMP;
            case ESP -> ESP;
            case AH -> AH;
            case ANY -> ALL;
        };
    }

    /** The name of the lowest protocol in the mask, as a witness shows it. */
    public static String name(int bit) {
        return switch (bit) {
            case TCP -> "Tcp";
            case UDP -> "Udp";
            case ICMP -> "Icmp";
            case ESP -> "Esp";
            case AH -> "Ah";
            default -> "other IP protocol";
        };
    }
}
