package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A concrete change to a template that makes findings go away: a new security rule inserted into an NSG's
 * literal {@code securityRules} array.
 *
 * @param rule         the rule object to add, in template form ({@code name}, {@code properties}), in output order
 * @param file         the file to change
 * @param arrayPointer the JSON pointer of the {@code securityRules} array in that file
 * @param index        where the rule goes in the array (its current length: appended)
 * @param edit         the same change as text, in the coordinates of the unchanged file
 * @param fixes        fingerprints of the findings it fixes
 */
public record Fix(String description, String nsgId, Map<String, Object> rule, String file, String arrayPointer,
        int index, TextEdit edit, List<String> fixes) {

    public Fix {
        requireNonNull(description, "description is null");
        requireNonNull(nsgId, "nsgId is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(file, "file is null");
        requireNonNull(arrayPointer, "arrayPointer is null");
        requireNonNull(edit, "edit is null");
        fixes = List.copyOf(fixes);
    }

    /**
     * Replace the text from (startLine, startColumn) up to but not including (endLine, endColumn) with
     * {@code text}; start equal to end is an insertion. Lines and columns are 1-based, columns in UTF-16 units.
     */
    public record TextEdit(int startLine, int startColumn, int endLine, int endColumn, String text) {
        public TextEdit {
            requireNonNull(text, "text is null");
        }
    }
}
