package dev.rediscdi.internal.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The blocking groups are proxies: their type safety rests on every method having its asynchronous twin. */
class BlockingViewTest {

    @ParameterizedTest
    @ValueSource(strings = { "Value", "Key", "Hash", "List", "Set", "SortedSet", "Stream", "HyperLogLog", "Bitmap", "Geo" })
    void shouldFindATwinWithTheSameTypeForEveryBlockingMethod(String group) throws Exception {
        Class<?> blocking = Class.forName("dev.rediscdi.Blocking" + group + "Commands");
        Class<?> async = Class.forName("dev.rediscdi." + group + "Commands");

        BlockingView.checkShape(blocking, async);

        assertThat(blocking.getMethods()).hasSameSizeAs(async.getMethods());
    }

    interface Async {
        CompletionStage<List<String>> names();
    }

    interface WrongReturn {
        List<Integer> names();
    }

    interface Missing {
        String other();
    }

    @Test
    void shouldRefuseABlockingMethodWithAnotherTypeOrNoTwin() {
        assertThatThrownBy(() -> BlockingView.checkShape(WrongReturn.class, Async.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.util.List<java.lang.Integer>");
        assertThatThrownBy(() -> BlockingView.checkShape(Missing.class, Async.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no twin");
    }
}
