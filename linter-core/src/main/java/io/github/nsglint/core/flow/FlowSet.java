package io.github.nsglint.core.flow;

import java.util.ArrayList;
import java.util.List;

/** A set of flows as a list of disjoint boxes. Immutable. */
public final class FlowSet {

    public static final FlowSet EMPTY = new FlowSet(List.of());

    private final List<FlowBox> boxes;

    private FlowSet(List<FlowBox> boxes) {
        this.boxes = boxes;
    }

    public static FlowSet of(FlowBox box) {
        return box.isEmpty() ? EMPTY : new FlowSet(List.of(box));
    }

    /**
     * The flows a box describes that can exist: TCP and UDP carry real ports (0..65535); other protocols carry
     * none (-1). Queries are built with this, so "no port" never leaks into a TCP witness.
     */
    public static FlowSet real(FlowBox box) {
        FlowBox withPorts = new FlowBox(box.protocols() & Protocols.WITH_PORTS, box.sources(),
                box.sourcePorts().intersect(FlowBox.REAL_PORTS), box.destinations(),
                box.destinationPorts().intersect(FlowBox.REAL_PORTS));
        FlowBox without = new FlowBox(box.protocols() & ~Protocols.WITH_PORTS, box.sources(),
                box.sourcePorts().intersect(FlowBox.NO_PORT), box.destinations(),
                box.destinationPorts().intersect(FlowBox.NO_PORT));
        List<FlowBox> out = new ArrayList<>(2);
        if (!withPorts.isEmpty()) {
            out.add(withPorts);
        }
        if (!without.isEmpty()) {
            out.add(without);
        }
        return new FlowSet(List.copyOf(out));
    }

    public List<FlowBox> boxes() {
        return boxes;
    }

    public boolean isEmpty() {
        return boxes.isEmpty();
    }

    public FlowSet intersect(FlowBox box) {
        List<FlowBox> out = new ArrayList<>();
        for (FlowBox b : boxes) {
            if (b.intersects(box)) {
                FlowBox i = b.intersect(box);
                if (!i.isEmpty()) {
                    out.add(i);
                }
            }
        }
        return out.isEmpty() ? EMPTY : new FlowSet(out);
    }

    public FlowSet subtract(FlowBox box) {
        List<FlowBox> out = null;
        for (int i = 0; i < boxes.size(); i++) {
            FlowBox b = boxes.get(i);
            if (!b.intersects(box)) {
                if (out != null) {
                    out.add(b);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(boxes.subList(0, i));
            }
            out.addAll(b.subtract(box));
        }
        if (out == null) {
            return this;
        }
        return out.isEmpty() ? EMPTY : new FlowSet(out);
    }

    public FlowSet subtract(FlowSet other) {
        FlowSet r = this;
        for (FlowBox b : other.boxes) {
            if (r.isEmpty()) {
                break;
            }
            r = r.subtract(b);
        }
        return r;
    }

    public FlowSet union(FlowSet other) {
        if (other.isEmpty()) {
            return this;
        }
        List<FlowBox> out = new ArrayList<>(boxes);
        out.addAll(other.subtract(this).boxes);
        return new FlowSet(out);
    }

    @Override
    public String toString() {
        return boxes.toString();
    }
}
