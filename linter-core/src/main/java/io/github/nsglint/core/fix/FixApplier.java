package io.github.nsglint.core.fix;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JsonReader;
import io.github.nsglint.core.report.Fix;
import java.util.List;

/**
 * Applies fixes to a file's text the way a person would edit it: each new rule is appended to its array in the
 * file's own indentation and line endings, everything else is left byte for byte. The fixes of one run are
 * each computed against the unchanged file, so they are applied one after another, each against the text the
 * previous one left (several rules for one array all land at its end, in order).
 */
public final class FixApplier {

    private FixApplier() {
    }

    /**
     * The text with {@code fixes} (all for this file) applied.
     *
     * @throws IllegalStateException when the text no longer has an array where a fix expects one (the file
     *                               changed since it was linted)
     */
    public static String apply(String original, String fileName, List<Fix> fixes) {
        boolean bom = original.startsWith("\uFEFF");
        String text = bom ? original.substring(1) : original;
        JsonReader reader = new JsonReader();
        for (Fix f : fixes) {
            if (!(Pointers.at(reader.parse(text, fileName), f.arrayPointer()) instanceof JArray array)) {
                throw new IllegalStateException(fileName + " has no array at " + f.arrayPointer()
                        + " any more; lint it again");
            }
            text = apply(text, RuleJson.insertion(text, array, f.rule()));
        }
        return bom ? "\uFEFF" + text : text;
    }

    /** One text edit; lines and columns are 1-based, columns in UTF-16 units. */
    static String apply(String text, Fix.TextEdit e) {
        int start = offset(text, e.startLine(), e.startColumn());
        int end = offset(text, e.endLine(), e.endColumn());
        return text.substring(0, start) + e.text() + text.substring(end);
    }

    private static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', at);
            if (nl < 0) {
                throw new IllegalArgumentException("line " + line + " is past the end of the text");
            }
            at = nl + 1;
        }
        return at + column - 1;
    }
}
