package org.equivariant4j.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

/** Named children share one state dict under their names; a name is used once. */
class ModuleDictTest {

    @Test
    void childrenAppearUnderTheirNames() {
        ModuleDict dict = new ModuleDict();
        Linear a = dict.put("a", new Linear(2, 3, new Rng(1)));
        dict.put("b", new Linear(3, 1, new Rng(2)));
        assertThat(dict.get("a")).isSameAs(a);
        assertThat(dict.get("c")).isNull();
        assertThat(dict.stateDict()).containsOnlyKeys("a.weight", "a.bias", "b.weight", "b.bias");
        assertThat(dict.parameterCount()).isEqualTo(9 + 4);
    }

    @Test
    void aNameIsUsedOnce() {
        ModuleDict dict = new ModuleDict();
        dict.put("a", new Linear(2, 3, new Rng(1)));
        assertThatThrownBy(() -> dict.put("a", new Linear(2, 3, new Rng(1)))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'a'");
    }
}
