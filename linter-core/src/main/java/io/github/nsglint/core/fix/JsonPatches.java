package io.github.nsglint.core.fix;

import io.github.nsglint.core.report.Fix;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonPatchBuilder;
import java.util.List;

/**
 * The fixes of one file as an RFC 6902 JSON Patch: one {@code add} per new rule, appended ({@code /-}) to its
 * NSG's {@code securityRules} array, so the operations stay right in any order they were planned.
 */
public final class JsonPatches {

    private JsonPatches() {
    }

    public static JsonArray of(List<Fix> fixes) {
        JsonPatchBuilder patch = Json.createPatchBuilder();
        for (Fix f : fixes) {
            patch.add(f.arrayPointer() + "/-", Json.createObjectBuilder(f.rule()).build());
        }
        return patch.build().toJsonArray();
    }
}
