package io.github.nsglint.maven;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code parameters} parameter: {@code TEMPLATE=PARAMETERS} pairs, or one file for every template, paths
 * relative to the project.
 *
 * @param every the parameters file for every template without a pair, or null
 * @param pairs parameters files by template
 */
record ParameterFiles(Path every, Map<Path, Path> pairs) {

    static ParameterFiles parse(Path basedir, List<String> entries) {
        Path every = null;
        Map<Path, Path> pairs = new LinkedHashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq < 0) {
                every = basedir.resolve(e.trim()).normalize();
            } else {
                pairs.put(basedir.resolve(e.substring(0, eq).trim()).normalize(),
                        basedir.resolve(e.substring(eq + 1).trim()).normalize());
            }
        }
        return new ParameterFiles(every, Map.copyOf(pairs));
    }
}
