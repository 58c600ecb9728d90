package io.github.nsglint.core.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void linesSplitLikeTheRegularExpressionTheyReplace() {
        Random random = new Random(11);
        String[] pieces = {"\n", "\r\n", "\r", "a", " ", "{", "\"x\": 1,", ""};
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertArrayEquals(t.split("\r?\n", -1), RuleJson.Layout.lines(t), () -> "text: " + t.replace("\r", "\\r")
                    .replace("\n", "\\n"));
        }
    }
}
