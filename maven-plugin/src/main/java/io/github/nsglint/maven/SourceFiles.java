package io.github.nsglint.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The template files under the source directories that match {@code includes} and none of {@code excludes}.
 * Patterns are Maven's (Ant's): {@code **} any number of folders (none included), {@code *} any characters of
 * one name, {@code ?} one character; {@code /} or {@code \} separates folders. Files come sorted per directory.
 */
final class SourceFiles {

    private SourceFiles() {
    }

    static List<Path> collect(List<Path> directories, List<String> includes, List<String> excludes)
            throws IOException {
        List<Pattern> in = includes.stream().map(SourceFiles::pattern).toList();
        List<Pattern> out = excludes.stream().map(SourceFiles::pattern).toList();
        List<Path> files = new ArrayList<>();
        for (Path dir : directories) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).sorted().forEach(f -> {
                    String relative = dir.relativize(f).toString().replace('\\', '/');
                    if (in.stream().anyMatch(p -> p.matcher(relative).matches())
                            && out.stream().noneMatch(p -> p.matcher(relative).matches())) {
                        files.add(f);
                    }
                });
            }
        }
        return files;
    }

    /** An Ant-style pattern as a regular expression over '/'-separated relative paths. */
    static Pattern pattern(String ant) {
        String p = ant.trim().replace('\\', '/');
        if (p.endsWith("/")) {
            p = p + "**"; // Ant: a trailing slash means everything below
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (p.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (p.startsWith("**", i)) {
                regex.append(".*");
                i += 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
