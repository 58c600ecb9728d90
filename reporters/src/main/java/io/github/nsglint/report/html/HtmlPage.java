package io.github.nsglint.report.html;

import java.util.List;

/**
 * Everything the HTML template shows, already worked out: the template only lays it out, and every text in here
 * is escaped by the template engine where it is written.
 */
public record HtmlPage(String title, Scan scan, List<Count> bySeverity, List<ControlRow> controls,
        Drawing drawing, List<FindingView> findings, List<SuppressionRow> suppressions, List<String> inputErrors) {

    /** What was scanned, when and with what. */
    public record Scan(String tool, String catalogVersion, String started, String finished, String root,
            List<FileRow> files) {
    }

    public record FileRow(String path, long bytes, String sha256) {
    }

    /** One cell of the summary: a label, a number, a CSS class for its colour. */
    public record Count(String label, long count, String css) {
    }

    /** A catalog rule as a control, with the resources under it. */
    /** @param compliance the benchmark items the rule's tags name: {@code CIS Azure 6.1}, {@code MCSB NS-1} */
    public record ControlRow(String id, String name, String severity, String summary, String status, String css,
            List<ResourceStatus> resources, String helpUri, List<String> compliance) {
    }

    public record ResourceStatus(String name, String status, String css) {
    }

    /** The topology as SVG shapes, laid out in Java; the template only writes them. */
    public record Drawing(int width, int height, List<Box> boxes, List<Link> links, String note) {
    }

    /** A VNet: title, region line, and a row per subnet. */
    public record Box(int x, int y, int width, int height, String title, String subtitle, String css,
            List<Row> rows) {
    }

    /** A subnet inside a VNet box, coloured by the worst verdict of the findings about it or its NSG. */
    public record Row(int y, String text, String nsg, String css) {
    }

    /** A peering: solid when connected both ways, dashed otherwise. */
    public record Link(int x1, int y1, int x2, int y2, String css, String label) {
    }

    /** One finding with its evidence and the rule table of the NSG at fault. */
    public record FindingView(String anchor, String ruleId, String severity, String verdict, String message,
            String location, String resource, String witness, String deciding, String unknown, String suppressed,
            String fix, String nsgName, List<RuleRow> rules) {
    }

    /** A row of an NSG's rule table; {@code deciding} marks the rule that decided the witness flow. */
    public record RuleRow(String priority, String name, String direction, String access, String protocol,
            String source, String destination, String ports, boolean deciding, boolean builtIn) {
    }

    public record SuppressionRow(String ruleId, String resource, String justification, String expires,
            String source) {
    }
}
