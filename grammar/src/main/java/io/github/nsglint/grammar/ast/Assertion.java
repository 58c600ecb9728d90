package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a rule expects of each element it iterates over. */
public sealed interface Assertion extends Node permits Assertion.Flow, Assertion.None, Assertion.Property {

    /** {@code allows} or {@code denies}. */
    enum Verb {
        ALLOWS,
        DENIES
    }

    /** {@code inbound} or {@code outbound}. */
    enum Way {
        INBOUND,
        OUTBOUND
    }

    /**
     * {@code TARGET allows|denies inbound|outbound PROTOCOL [from|to PEERS] port PORTS [only from ONLY]}.
     *
     * @param protocol a protocol name as written, or {@code *}
     * @param peers    empty when no {@code from}/{@code to} is written: any address
     * @param onlyFrom   empty unless {@code only from} is written
     * @param explicitly {@code explicitly allows}: an allow rule is present that covers the flows, whatever the
     *                   rules before it do (what Azure's deployment validation checks)
     * @param anyOf      {@code port any of ...}: one of the ports suffices, not all
     * @param some       {@code from some ...}: flows from some of the peers suffice, not from all
     * @param breadth    {@code from wide ...} / {@code from narrow ...} (with {@code denies}): only a wide set of
     *                   peer addresses let through is a violation, or only a narrow one (an allow list)
     */
    record Flow(SourcePos pos, Expr target, Verb verb, Way way, String protocol, SourcePos protocolPos,
            List<AddressSpec> peers, List<PortSpec> ports, List<AddressSpec> onlyFrom, boolean explicitly,
            boolean anyOf, boolean some, Breadth breadth) implements Assertion {
        public Flow {
            requireNonNull(pos, "pos is null");
            requireNonNull(target, "target is null");
            requireNonNull(verb, "verb is null");
            requireNonNull(way, "way is null");
            requireNonNull(protocol, "protocol is null");
            requireNonNull(protocolPos, "protocolPos is null");
            requireNonNull(breadth, "breadth is null");
            peers = List.copyOf(peers);
            ports = List.copyOf(ports);
            onlyFrom = List.copyOf(onlyFrom);
        }
    }

    /**
     * Which of the peer addresses a flow expectation with {@code denies} counts: all of them; only a wide set let
     * through (more public addresses than the project's Internet width); or only a narrow one, an allow list.
     */
    enum Breadth {
        ANY,
        WIDE,
        NARROW
    }

    /** {@code none ITEMS}: each item of the collection is a finding. */
    record None(SourcePos pos, Expr items) implements Assertion {
        public None {
            requireNonNull(pos, "pos is null");
            requireNonNull(items, "items is null");
        }
    }

    /** A condition over the model that must be true. */
    record Property(SourcePos pos, Expr condition) implements Assertion {
        public Property {
            requireNonNull(pos, "pos is null");
            requireNonNull(condition, "condition is null");
        }
    }
}
