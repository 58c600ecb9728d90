package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.nsglint.core.model.ModelGap;
import io.github.nsglint.core.model.PointerPath;
import io.github.nsglint.core.model.SourceLocation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Type, SourceLocation and ModelGap write out equals and hashCode (the generated ones cost a cold start their
 * invokedynamic bootstrap): they must still mean what a record's do, every component and nothing else.
 */
class WrittenOutEqualityTest {

    @Test
    void typeComparesNameAndElementType() {
        check(Type.listOf(Type.kind("subnet")), List.of("list", "nsg"),
                java.util.Arrays.asList(Type.kind("subnet"), Type.STRING, null));
        assertEquals(Type.STRING, Type.kind("string"));
    }

    @Test
    void sourceLocationComparesEveryComponent() {
        check(new SourceLocation("a.json", 3, 4, 5, 6, "/resources/0"), List.of("a.json", "b.json"),
                List.of(3, 2), List.of(4, 9), List.of(5, 7), List.of(6, 1), List.of(PointerPath.of("/resources/0"),
                        PointerPath.ROOT));
    }

    @Test
    void modelGapComparesEveryComponent() {
        SourceLocation at = SourceLocation.caret("t.json", 1, 2);
        check(new ModelGap("Microsoft.Network/networkSecurityGroups", "why", at),
                List.of("Microsoft.Network/networkSecurityGroups", ""), List.of("why", "because"),
                List.of(SourceLocation.caret("t.json", 1, 2), SourceLocation.caret("t.json", 1, 3)));
    }

    /**
     * For a sample record and, per component, a value equal to the sample's followed by different ones: a copy
     * from equal values equals the sample with the same hash code; changing any one component breaks equality.
     */
    @SafeVarargs
    private static void check(Record sample, List<?>... values) {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        assertEquals(components.length, values.length, "one list of values per component");
        Object[] same = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            same[i] = values[i].get(0);
        }
        Record copy = make(sample, same);
        assertEquals(sample, copy);
        assertEquals(sample.hashCode(), copy.hashCode());
        assertNotEquals(sample, null);
        assertNotEquals(sample, "not a record of this kind");
        for (int i = 0; i < components.length; i++) {
            for (Object other : values[i].subList(1, values[i].size())) {
                Object[] changed = same.clone();
                changed[i] = other;
                Record different = make(sample, changed);
                assertNotEquals(sample, different, components[i].getName() + " = " + other);
                assertNotEquals(different, sample, components[i].getName() + " = " + other);
            }
        }
    }

    private static Record make(Record sample, Object[] args) {
        try {
            List<Class<?>> types = new ArrayList<>();
            for (RecordComponent c : sample.getClass().getRecordComponents()) {
                types.add(c.getType());
            }
            var constructor = sample.getClass().getDeclaredConstructor(types.toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return (Record) constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
