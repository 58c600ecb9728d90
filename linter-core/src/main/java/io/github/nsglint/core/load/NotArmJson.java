package io.github.nsglint.core.load;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Files people name that nsglint does not read, by their extension: a clear line saying what it reads and how to
 * get there, instead of a JSON parser's complaint about the first token.
 */
final class NotArmJson {

    private NotArmJson() {
    }

    /** Why {@code file} cannot be read, or null when it may be JSON. */
    static String why(Path file) {
        Path fileName = file.getFileName();
        if (fileName == null) {
            return null;
        }
        String name = fileName.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bicep")) {
            return "nsglint reads ARM JSON, not Bicep source (yet): compile it with 'az bicep build --file " + name
                    + "' (or 'bicep build " + name + "') and lint the .json it writes beside it";
        }
        if (lower.endsWith(".bicepparam")) {
            return "nsglint reads ARM JSON, not Bicep parameters files (yet): compile it with 'az bicep build-params"
                    + " --file " + name + "' and give the .json it writes with --parameters";
        }
        if (lower.endsWith(".tf") || lower.endsWith(".tfvars") || lower.endsWith(".hcl")) {
            return "nsglint reads Azure Resource Manager JSON (templates, parameters files, resource exports), not"
                    + " Terraform: lint the ARM templates, or an export of the deployed resources ('az resource"
                    + " list' or 'az network nsg list' to a .json file)";
        }
        return null;
    }
}
