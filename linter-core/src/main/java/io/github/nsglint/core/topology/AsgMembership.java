package io.github.nsglint.core.topology;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.IpConfiguration;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.SourceLocation;
import java.util.List;

/**
 * Which IP configurations belong to an application security group. An ASG is the set of its members' addresses;
 * the members are known when every NIC that could join it is in the scanned files ({@link Known}). When a member
 * may be declared elsewhere (the ASG itself is not declared here, a linked template or a copy loop of unknown count
 * may add NICs, a NIC's ASG list or condition is unknown), the membership is {@link Open}, with the reason.
 */
public sealed interface AsgMembership permits AsgMembership.Known, AsgMembership.Open {

    /** One member: an IP configuration of a NIC, in a subnet when its reference resolves (else null). */
    record Member(NetworkInterface nic, IpConfiguration ipConfiguration, io.github.nsglint.core.model.Subnet subnetOrNull) {
        public Member {
            requireNonNull(nic, "nic is null");
            requireNonNull(ipConfiguration, "ipConfiguration is null");
        }
    }

    /** Every member is declared in the scanned files. */
    record Known(List<Member> members) implements AsgMembership {
        public Known {
            members = List.copyOf(members);
        }
    }

    /** Members may come from outside the scanned files. */
    record Open(String reason, SourceLocation at) implements AsgMembership {
        public Open {
            requireNonNull(reason, "reason is null");
        }
    }
}
