package io.github.nsglint.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Suppression;
import io.github.nsglint.report.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReporterTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneSuitePerRuleOneCasePerResource() throws Exception {
        Report report = Fixtures.lint(Fixtures.crossRegionMistake());
        Document doc = parse(Fixtures.write(new JunitReporter(), report));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(report.rules().size(), suites.getLength());
        Element spk = null;
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            if (s.getAttribute("name").startsWith("SPK002 ")) {
                spk = s;
            }
        }
        assertTrue(spk != null);
        assertEquals("2", spk.getAttribute("tests"), "two target subnets");
        assertEquals("1", spk.getAttribute("failures"));
        Element failure = (Element) spk.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("takes SSH or RDP"), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("witness: Tcp "), failure.getTextContent());
        Element root = doc.getDocumentElement();
        assertEquals("1", root.getAttribute("failures"));
    }

    @Test
    void suppressedIsSkippedWithItsJustificationAndTextIsEscaped() throws Exception {
        Report base = Fixtures.withFindings(1, "<img src=x onerror=alert(1)> & \"q\"");
        List<Finding> f = new ArrayList<>(base.findings());
        f.set(0, f.get(0).withSuppression(new Suppression(Suppression.Kind.INLINE, "main.json:12:9", "temporary <ok>", null)));
        String xml = Fixtures.write(new JunitReporter(), base.withFindings(f, List.of()));
        Document doc = parse(xml);
        NodeList skipped = doc.getElementsByTagName("skipped");
        boolean found = false;
        for (int i = 0; i < skipped.getLength(); i++) {
            found |= ((Element) skipped.item(i)).getAttribute("message").equals("suppressed: temporary <ok>");
        }
        assertTrue(found, xml);
    }
}
