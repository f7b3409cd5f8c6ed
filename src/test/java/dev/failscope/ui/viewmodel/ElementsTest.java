package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspector;
import dev.failscope.model.Node;
import dev.failscope.model.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementsTest {
    private final Topology catifyme = new Inspector().inspect(List.of(MainViewModelTest.CATIFYME)).topology();

    @Test
    void findPrefersExactThenPrefixThenContains() {
        assertThat(Elements.find(catifyme, "DB-MAIN-1")).contains(Node.server("db-main-1"));
        assertThat(Elements.find(catifyme, "catify")).contains(Node.cluster("catify-main"));
        assertThat(Elements.find(catifyme, "legacy")).contains(Node.server("db-legacy-2"));
        assertThat(Elements.find(catifyme, "liking")).contains(Node.service("cat-liking"));
        assertThat(Elements.find(catifyme, "nope")).isEmpty();
        assertThat(Elements.find(catifyme, "  ")).isEmpty();
    }
}
