package io.github.nsglint.grammar.ast;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact binary form of rule files and expressions, so that a rule catalog compiled at build time can be read
 * back without the ANTLR parser (in a cold JVM, parsing the built-in rules was a fifth of a one-file run's CPU).
 * Decoding gives a tree equal to the one the parser gave, positions included. The form is private to one build:
 * a writer and its reader always come from the same jar, so there is no versioning beyond a format mark.
 */
public final class AstCodec {

    private static final int FORMAT = 0x4e534732; // "NSG2": an expectation has a guard

    private AstCodec() {
    }

    /** Appends encoded values to a growing byte array. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Writer() {
            writeInt(FORMAT);
        }

        public byte[] toByteArray() {
            return out.toByteArray();
        }

        public void writeInt(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        }

        private void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        private void writeBool(boolean b) {
            out.write(b ? 1 : 0);
        }

        /** UTF-16 code units, so any Java string (lone surrogates too) comes back exactly. */
        public void writeString(String s) {
            writeInt(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                out.write(c >>> 8);
                out.write(c);
            }
        }

        private void writeNullableString(String s) {
            writeBool(s != null);
            if (s != null) {
                writeString(s);
            }
        }

        public void writePos(SourcePos p) {
            writeInt(p.line());
            writeInt(p.column());
        }

        public void writeRuleFile(RuleFile f) {
            writePos(f.pos());
            writeString(f.sourceName());
            writeInt(f.rules().size());
            for (RuleDecl r : f.rules()) {
                writePos(r.pos());
                writeString(r.id());
                writeInt(r.metadata().size());
                for (MetadataEntry e : r.metadata()) {
                    writePos(e.pos());
                    writeString(e.key());
                    writeMetadataValue(e.value());
                }
                writeInt(r.clauses().size());
                for (Clause c : r.clauses()) {
                    writeClause(c);
                }
            }
        }

        private void writeMetadataValue(MetadataValue v) {
            if (v instanceof MetadataValue.Text t) {
                out.write(1);
                writePos(t.pos());
                writeString(t.value());
            } else if (v instanceof MetadataValue.Number n) {
                out.write(2);
                writePos(n.pos());
                writeLong(n.value());
            } else if (v instanceof MetadataValue.Name n) {
                out.write(3);
                writePos(n.pos());
                writeString(n.value());
            } else if (v instanceof MetadataValue.Items items) {
                out.write(4);
                writePos(items.pos());
                writeInt(items.items().size());
                items.items().forEach(this::writeMetadataValue);
            } else {
                throw unknown(v);
            }
        }

        private void writeClause(Clause c) {
            if (c instanceof Clause.For f) {
                out.write(1);
                writePos(f.pos());
                writeString(f.kind());
                writeString(f.variable());
                writeNullableExpr(f.sourceOrNull());
                writeNullableExpr(f.conditionOrNull());
            } else if (c instanceof Clause.Expect e) {
                out.write(2);
                writePos(e.pos());
                writeAssertion(e.assertion());
                writeNullableExpr(e.guardOrNull());
                writeNullableString(e.messageOrNull());
                writePos(e.messagePos());
            } else {
                throw unknown(c);
            }
        }

        private void writeAssertion(Assertion a) {
            if (a instanceof Assertion.Flow f) {
                out.write(1);
                writePos(f.pos());
                writeExpr(f.target());
                out.write(f.verb().ordinal());
                out.write(f.way().ordinal());
                writeString(f.protocol());
                writePos(f.protocolPos());
                writeAddresses(f.peers());
                writeInt(f.ports().size());
                f.ports().forEach(this::writePort);
                writeAddresses(f.onlyFrom());
                writeBool(f.explicitly());
                writeBool(f.anyOf());
                writeBool(f.some());
                out.write(f.breadth().ordinal());
            } else if (a instanceof Assertion.None n) {
                out.write(2);
                writePos(n.pos());
                writeExpr(n.items());
            } else if (a instanceof Assertion.Property p) {
                out.write(3);
                writePos(p.pos());
                writeExpr(p.condition());
            } else {
                throw unknown(a);
            }
        }

        private void writeAddresses(List<AddressSpec> addresses) {
            writeInt(addresses.size());
            for (AddressSpec a : addresses) {
                if (a instanceof AddressSpec.Any any) {
                    out.write(1);
                    writePos(any.pos());
                } else if (a instanceof AddressSpec.Of of) {
                    out.write(2);
                    writePos(of.pos());
                    writeExpr(of.value());
                } else {
                    throw unknown(a);
                }
            }
        }

        private void writePort(PortSpec p) {
            if (p instanceof PortSpec.Any any) {
                out.write(1);
                writePos(any.pos());
            } else if (p instanceof PortSpec.Range r) {
                out.write(2);
                writePos(r.pos());
                writeInt(r.low());
                writeInt(r.high());
            } else if (p instanceof PortSpec.Of of) {
                out.write(3);
                writePos(of.pos());
                writeExpr(of.value());
            } else {
                throw unknown(p);
            }
        }

        private void writeNullableExpr(Expr e) {
            if (e == null) {
                out.write(0);
            } else {
                writeExpr(e);
            }
        }

        public void writeExpr(Expr e) {
            if (e instanceof Expr.Not n) {
                out.write(1);
                writePos(n.pos());
                writeExpr(n.operand());
            } else if (e instanceof Expr.Logical l) {
                out.write(2);
                writePos(l.pos());
                out.write(l.op().ordinal());
                writeExpr(l.left());
                writeExpr(l.right());
            } else if (e instanceof Expr.Comparison c) {
                out.write(3);
                writePos(c.pos());
                out.write(c.op().ordinal());
                writeExpr(c.left());
                writeExpr(c.right());
            } else if (e instanceof Expr.In in) {
                out.write(4);
                writePos(in.pos());
                writeExpr(in.value());
                writeExpr(in.collection());
            } else if (e instanceof Expr.Matches m) {
                out.write(5);
                writePos(m.pos());
                writeExpr(m.value());
                writeString(m.pattern());
            } else if (e instanceof Expr.Field f) {
                out.write(6);
                writePos(f.pos());
                writeExpr(f.base());
                writeString(f.field());
            } else if (e instanceof Expr.Exists x) {
                out.write(7);
                writePos(x.pos());
                writeExpr(x.operand());
            } else if (e instanceof Expr.Call c) {
                out.write(8);
                writePos(c.pos());
                writeString(c.name());
                writeInt(c.args().size());
                c.args().forEach(this::writeExpr);
            } else if (e instanceof Expr.Name n) {
                out.write(9);
                writePos(n.pos());
                writeString(n.name());
            } else if (e instanceof Expr.Text t) {
                out.write(10);
                writePos(t.pos());
                writeString(t.value());
            } else if (e instanceof Expr.Integer i) {
                out.write(11);
                writePos(i.pos());
                writeLong(i.value());
            } else if (e instanceof Expr.Bool b) {
                out.write(12);
                writePos(b.pos());
                writeBool(b.value());
            } else if (e instanceof Expr.Items items) {
                out.write(13);
                writePos(items.pos());
                writeInt(items.items().size());
                items.items().forEach(this::writeExpr);
            } else {
                throw unknown(e);
            }
        }

        private static IllegalArgumentException unknown(Object node) {
            return new IllegalArgumentException("no encoding for " + node.getClass().getName());
        }
    }

    /** Reads values back in the order they were written; any inconsistency is an {@link IllegalStateException}. */
    public static final class Reader {
        private final byte[] in;
        private int at;

        public Reader(byte[] in) {
            this.in = in;
            if (readInt() != FORMAT) {
                throw new IllegalStateException("not an encoded rule catalog");
            }
        }

        public boolean atEnd() {
            return at == in.length;
        }

        private int readByte() {
            if (at >= in.length) {
                throw new IllegalStateException("encoded rules end early at byte " + at);
            }
            return in[at++] & 0xff;
        }

        public int readInt() {
            return readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
        }

        private long readLong() {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        private boolean readBool() {
            return readByte() != 0;
        }

        private int readCount() {
            int n = readInt();
            if (n < 0 || n > in.length - at) {
                throw new IllegalStateException("bad count " + n + " at byte " + at);
            }
            return n;
        }

        public String readString() {
            int n = readCount();
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = (char) (readByte() << 8 | readByte());
            }
            return new String(chars);
        }

        private String readNullableString() {
            return readBool() ? readString() : null;
        }

        public SourcePos readPos() {
            return new SourcePos(readInt(), readInt());
        }

        public RuleFile readRuleFile() {
            SourcePos pos = readPos();
            String sourceName = readString();
            int n = readCount();
            List<RuleDecl> rules = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                SourcePos rulePos = readPos();
                String id = readString();
                int m = readCount();
                List<MetadataEntry> metadata = new ArrayList<>(m);
                for (int j = 0; j < m; j++) {
                    metadata.add(new MetadataEntry(readPos(), readString(), readMetadataValue()));
                }
                int c = readCount();
                List<Clause> clauses = new ArrayList<>(c);
                for (int j = 0; j < c; j++) {
                    clauses.add(readClause());
                }
                rules.add(new RuleDecl(rulePos, id, metadata, clauses));
            }
            return new RuleFile(pos, sourceName, rules);
        }

        private MetadataValue readMetadataValue() {
            int tag = readByte();
            SourcePos pos = readPos();
            return switch (tag) {
                case 1 -> new MetadataValue.Text(pos, readString());
                case 2 -> new MetadataValue.Number(pos, readLong());
                case 3 -> new MetadataValue.Name(pos, readString());
                case 4 -> {
                    int n = readCount();
                    List<MetadataValue> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(readMetadataValue());
                    }
                    yield new MetadataValue.Items(pos, items);
                }
                default -> throw badTag(tag);
            };
        }

        private Clause readClause() {
            int tag = readByte();
            SourcePos pos = readPos();
            return switch (tag) {
                case 1 -> new Clause.For(pos, readString(), readString(), readNullableExpr(), readNullableExpr());
                case 2 -> new Clause.Expect(pos, readAssertion(), readNullableExpr(), readNullableString(), readPos());
                default -> throw badTag(tag);
            };
        }

        private Assertion readAssertion() {
            int tag = readByte();
            SourcePos pos = readPos();
            return switch (tag) {
                case 1 -> {
                    Expr target = readExpr();
                    Assertion.Verb verb = Assertion.Verb.values()[readByte()];
                    Assertion.Way way = Assertion.Way.values()[readByte()];
                    String protocol = readString();
                    SourcePos protocolPos = readPos();
                    List<AddressSpec> peers = readAddresses();
                    int n = readCount();
                    List<PortSpec> ports = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        ports.add(readPort());
                    }
                    List<AddressSpec> onlyFrom = readAddresses();
                    yield new Assertion.Flow(pos, target, verb, way, protocol, protocolPos, peers, ports, onlyFrom,
                            readBool(), readBool(), readBool(), Assertion.Breadth.values()[readByte()]);
                }
                case 2 -> new Assertion.None(pos, readExpr());
                case 3 -> new Assertion.Property(pos, readExpr());
                default -> throw badTag(tag);
            };
        }

        private List<AddressSpec> readAddresses() {
            int n = readCount();
            List<AddressSpec> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int tag = readByte();
                SourcePos pos = readPos();
                out.add(switch (tag) {
                    case 1 -> new AddressSpec.Any(pos);
                    case 2 -> new AddressSpec.Of(pos, readExpr());
                    default -> throw badTag(tag);
                });
            }
            return out;
        }

        private PortSpec readPort() {
            int tag = readByte();
            SourcePos pos = readPos();
            return switch (tag) {
                case 1 -> new PortSpec.Any(pos);
                case 2 -> new PortSpec.Range(pos, readInt(), readInt());
                case 3 -> new PortSpec.Of(pos, readExpr());
                default -> throw badTag(tag);
            };
        }

        private Expr readNullableExpr() {
            if (in.length > at && in[at] == 0) {
                at++;
                return null;
            }
            return readExpr();
        }

        public Expr readExpr() {
            int tag = readByte();
            SourcePos pos = readPos();
            return switch (tag) {
                case 1 -> new Expr.Not(pos, readExpr());
                case 2 -> new Expr.Logical(pos, Expr.LogicalOp.values()[readByte()], readExpr(), readExpr());
                case 3 -> new Expr.Comparison(pos, Expr.CompareOp.values()[readByte()], readExpr(), readExpr());
                case 4 -> new Expr.In(pos, readExpr(), readExpr());
                case 5 -> new Expr.Matches(pos, readExpr(), readString());
                case 6 -> new Expr.Field(pos, readExpr(), readString());
                case 7 -> new Expr.Exists(pos, readExpr());
                case 8 -> new Expr.Call(pos, readString(), readExprs());
                case 9 -> new Expr.Name(pos, readString());
                case 10 -> new Expr.Text(pos, readString());
                case 11 -> new Expr.Integer(pos, readLong());
                case 12 -> new Expr.Bool(pos, readBool());
                case 13 -> new Expr.Items(pos, readExprs());
                default -> throw badTag(tag);
            };
        }

        private List<Expr> readExprs() {
            int n = readCount();
            List<Expr> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(readExpr());
            }
            return out;
        }

        private IllegalStateException badTag(int tag) {
            return new IllegalStateException("bad tag " + tag + " before byte " + at);
        }
    }
}
