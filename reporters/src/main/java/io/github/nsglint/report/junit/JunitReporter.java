package io.github.nsglint.report.junit;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.report.Control;
import io.github.nsglint.core.report.Evidence;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.SafeText;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, so CI test tabs show the gate: one test suite per rule, one test case per rule and resource it was
 * checked against. A violation is a failure, an indeterminate finding an error (it could not be checked), a
 * suppressed one a skipped case with its justification; a rule with nothing to check is one skipped case.
 * Unreadable inputs are error cases of a suite of their own.
 */
public final class JunitReporter implements Reporter {

    public static final String ID = "junit";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String defaultFileExtension() {
        return "xml";
    }

    /** One test case before it is written. */
    private record Case(String name, String kind, String type, String message, String detail) {
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<List<Case>> suites = new ArrayList<>();
        List<String> suiteNames = new ArrayList<>();
        List<Control> controls = Control.of(report);
        for (Control c : controls) {
            List<Case> cases = new ArrayList<>();
            if (c.items().isEmpty()) {
                cases.add(new Case("nothing to check", "skipped", null, "no resource in the files falls under "
                        + c.rule().id(), null));
            }
            for (Control.Item item : c.items()) {
                cases.add(testCase(item));
            }
            suites.add(cases);
            suiteNames.add(c.rule().id() + " " + c.rule().name());
        }
        List<Case> inputs = new ArrayList<>();
        List<LoadDiagnostic> errors = new ArrayList<>(report.configurationErrors());
        report.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR).forEach(errors::add);
        for (LoadDiagnostic d : errors) {
            inputs.add(new Case(d.location().file(), "error", "unreadable", d.display(), null));
        }
        if (!inputs.isEmpty()) {
            suites.add(inputs);
            suiteNames.add("inputs");
        }
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "nsglint");
            counts(x, suites.stream().flatMap(List::stream).toList());
            x.writeAttribute("time", seconds(report));
            x.writeAttribute("timestamp", report.scan().started().toString());
            for (int i = 0; i < suites.size(); i++) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", SafeText.escape(suiteNames.get(i)));
                counts(x, suites.get(i));
                for (Case c : suites.get(i)) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", "nsglint." + SafeText.escape(suiteNames.get(i).split(" ")[0]));
                    x.writeAttribute("name", SafeText.escape(c.name()));
                    if (c.kind() != null) {
                        x.writeStartElement(c.kind());
                        if (c.type() != null) {
                            x.writeAttribute("type", c.type());
                        }
                        x.writeAttribute("message", SafeText.escape(c.message()));
                        if (c.detail() != null) {
                            x.writeCharacters(c.detail());
                        }
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static Case testCase(Control.Item item) {
        String name = item.resourceId().isEmpty() ? item.name() : item.name() + " (" + item.resourceId() + ")";
        List<Finding> open = item.findings().stream().filter(f -> !f.isSuppressed()).toList();
        if (item.status() == Control.Status.PASSED) {
            return new Case(name, null, null, null, null);
        }
        if (item.status() == Control.Status.SUPPRESSED) {
            Finding f = item.findings().get(0);
            return new Case(name, "skipped", null, "suppressed: " + f.suppression().justification(), null);
        }
        boolean violated = item.status() == Control.Status.VIOLATED;
        StringBuilder detail = new StringBuilder();
        for (Finding f : open) {
            // The detail's own lines are joined with LF; names from the inputs are escaped (XML cannot hold most
            // control characters, and a CI log must not run them).
            detail.append(SafeText.escape(f.location().display())).append(": ").append(f.severity().toSarifLevel())
                    .append(' ').append(SafeText.escape(f.rule().id())).append(' ').append(SafeText.escape(f.message()))
                    .append('\n');
            if (f.evidence() instanceof Evidence.Flow flow) {
                detail.append("    witness: ").append(SafeText.escape(flow.flow().toString())).append("\n    deciding: ")
                        .append(SafeText.escape(flow.deciding().describe())).append('\n');
            } else if (f.evidence() instanceof Evidence.Unknown u) {
                detail.append("    unknown: ").append(SafeText.escape(u.reason())).append('\n');
            }
        }
        Finding first = open.stream().filter(f -> !violated || f.kind() == Finding.Kind.VIOLATED).findFirst()
                .orElse(open.get(0));
        return new Case(name, violated ? "failure" : "error", first.kind().name().toLowerCase(Locale.ROOT),
                first.message(), detail.toString());
    }

    private static void counts(XMLStreamWriter x, List<Case> cases) throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(cases.size()));
        x.writeAttribute("failures", Long.toString(cases.stream().filter(c -> "failure".equals(c.kind())).count()));
        x.writeAttribute("errors", Long.toString(cases.stream().filter(c -> "error".equals(c.kind())).count()));
        x.writeAttribute("skipped", Long.toString(cases.stream().filter(c -> "skipped".equals(c.kind())).count()));
    }

    private static String seconds(Report r) {
        Duration d = Duration.between(r.scan().started(), r.scan().finished());
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
