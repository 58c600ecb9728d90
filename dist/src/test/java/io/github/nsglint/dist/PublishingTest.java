package io.github.nsglint.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The POMs hold what Maven Central requires of a published artifact (name, description, URL, licence, developers,
 * SCM; sources, javadoc and signatures from the release profile), the publishing is switched off unless the
 * release profile is asked for, and no credential is in the repository.
 */
class PublishingTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static final List<String> PUBLISHED = List.of("grammar", "linter-core", "reporters", "cli", "maven-plugin");
    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @Test
    void theParentNamesLicenceDevelopersAndScmAndTheReleaseProfilePublishes() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        for (String required : List.of("/project/url", "/project/licenses/license/name", "/project/developers/developer/name",
                "/project/scm/connection", "/project/scm/url", "/project/description")) {
            assertFalse(text(parent, required).isBlank(), required);
        }
        assertEquals("Apache-2.0", text(parent, "/project/licenses/license/name"));
        assertTrue(Files.readString(ROOT.resolve("LICENSE")).contains("Apache License"));
        assertEquals("false", parent.getDocumentElement().getAttribute("child.project.url.inherit.append.path"),
                "modules keep the repository's URL");
        List<String> plugins = texts(parent, "/project/profiles/profile[id='release']/build/plugins/plugin/artifactId");
        assertTrue(plugins.containsAll(List.of("maven-source-plugin", "maven-javadoc-plugin", "maven-gpg-plugin",
                "central-publishing-maven-plugin")), plugins.toString());
        assertEquals("false", text(parent, "/project/profiles/profile[id='release']//plugin[artifactId="
                + "'central-publishing-maven-plugin']/configuration/autoPublish"), "released by hand");
        assertEquals("", text(parent, "/project/profiles/profile[id='release']/activation"),
                "the release profile is never on by itself");
    }

    @Test
    void everyPublishedModuleHasANameAndADescription() throws Exception {
        for (String module : PUBLISHED) {
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            assertFalse(text(pom, "/project/name").isBlank(), module);
            assertFalse(text(pom, "/project/description").isBlank(), module);
        }
    }

    @Test
    void noPomHoldsACredential() throws Exception {
        List<String> found = new ArrayList<>();
        try (var walk = Files.walk(ROOT, 3)) {
            for (Path pom : walk.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                String text = Files.readString(pom);
                if (text.matches("(?s).*<(password|passphrase|privateKey|token)>.*")) {
                    found.add(pom.toString());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    private static Document read(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Document d, String path) throws Exception {
        return ((String) XPATH.evaluate(path, d, XPathConstants.STRING)).strip();
    }

    private static List<String> texts(Document d, String path) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate(path, d, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().strip());
        }
        return out;
    }
}
