package io.github.nsglint.report.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.report.Report;
import io.github.nsglint.report.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubReporterTest {

    @Test
    void oneWorkflowCommandPerFindingWithARepositoryPath() {
        Report report = Fixtures.lint(Fixtures.crossRegionMistake());
        List<String> lines = Fixtures.write(new GithubReporter(), report).lines().toList();
        assertEquals(report.findings().size(), lines.size());
        String line = lines.get(0);
        assertTrue(line.startsWith("::error file=fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json,"
                + "line="), line);
        assertTrue(line.contains(",title=SPK002 spoke-mgmt-only-from-bastion::"), line);
        assertTrue(line.contains("%0Awitness: Tcp "), "multi-line messages stay one command: " + line);
    }

    @Test
    void escapesWhatWouldEndACommandOrAProperty() {
        assertEquals("50%25 done%0Anext", GithubReporter.data("50% done\nnext"));
        assertEquals("a%3Ab%2Cc", GithubReporter.property("a:b,c"));
    }

    @Test
    void unreadableFilesAreErrors(@TempDir Path temp) throws Exception {
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, "{");
        String out = Fixtures.write(new GithubReporter(), Fixtures.lint(broken));
        assertTrue(out.startsWith("::error file="), out);
        assertTrue(out.contains("title=nsglint%3A cannot read the file::"), out);
    }
}
