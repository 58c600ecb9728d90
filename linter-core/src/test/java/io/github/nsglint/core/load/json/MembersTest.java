package io.github.nsglint.core.load.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.model.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lookups in an object's members, as ARM reads property names: the exact name first, wherever it is, else the
 * first name that differs only in case; small objects (scanned) and big ones (hash index) alike.
 */
class MembersTest {

    private static final SourceLocation AT = SourceLocation.caret("t.json", 1, 1);

    private static Members of(List<String> names) {
        Members.Builder b = new Members.Builder();
        for (String n : names) {
            b.put(n, new JString(n, AT));
        }
        return b.build();
    }

    private static String found(Members m, String name) {
        JNode n = m.find(name);
        return n == null ? null : ((JString) n).value();
    }

    @Test
    void smallObjectsPreferTheExactNameThenTheFirstCaselessOne() {
        Members m = of(List.of("Priority", "name", "PRIORITY", "priority"));
        assertEquals("priority", found(m, "priority"), "exact, though two caseless matches come first");
        assertEquals("Priority", found(m, "PrIoRiTy"), "the first caseless match");
        assertEquals("name", found(m, "NAME"));
        assertNull(found(m, "direction"));
        assertNull(found(m, "names"));
        assertEquals("name", found(m, new String("name")), "by equality, not identity");
        assertTrue(m.containsKey("PRIORITY"));
        assertFalse(m.containsKey("Name"), "Map lookups are exact");
    }

    @Test
    void indexedObjectsBehaveTheSame() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            names.add("field" + i);
        }
        names.add(3, "Priority");
        names.add("priority");
        Members m = of(names);
        assertEquals("priority", found(m, "priority"));
        assertEquals("Priority", found(m, "PRIORITY"));
        assertEquals("field7", found(m, "FIELD7"));
        assertNull(found(m, "direction"));
        assertEquals(22, m.size());
    }

    @Test
    void aRepeatedNameKeepsItsFirstPlaceAndTakesTheLastValue() {
        Members.Builder b = new Members.Builder();
        b.put("a", new JString("first", AT));
        b.put("b", new JString("b", AT));
        b.put("a", new JString("last", AT));
        Members m = b.build();
        assertEquals(List.of("a", "b"), List.copyOf(m.keySet()));
        assertEquals("last", ((JString) m.find("a")).value());
    }
}
