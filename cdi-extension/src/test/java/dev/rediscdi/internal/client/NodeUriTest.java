package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeUriTest {

    @Test
    void shouldKeepSchemeCredentialsDatabaseAndParameters() {
        assertThat(NodeUri.withHostPort("rediss://app%40corp:p%2Fw%3Fd%23@seed.example:7000/0?client=shop", "10.0.0.7:7002"))
                .isEqualTo("rediss://app%40corp:p%2Fw%3Fd%23@10.0.0.7:7002/0?client=shop");
        assertThat(NodeUri.withHostPort("redis://127.0.0.1:7000", "127.0.0.1:7001")).isEqualTo("redis://127.0.0.1:7001");
        assertThat(NodeUri.withHostPort("redis://:secret@[::1]:7000?client=a", NodeUri.hostPort("::1", 7003)))
                .isEqualTo("redis://:secret@[::1]:7003?client=a");
    }

    @Test
    void shouldReadTheHostOfAConnectionString() {
        assertThat(NodeUri.host("redis://user:pw@seed.example:7000/1")).isEqualTo("seed.example");
        assertThat(NodeUri.host("redis://[::1]:7000")).isEqualTo("[::1]");
        assertThat(NodeUri.host("redis://localhost")).isEqualTo("localhost");
    }

    @Test
    void shouldRefuseWhatIsNotAConnectionString() {
        assertThatThrownBy(() -> NodeUri.withHostPort("localhost:7000", "127.0.0.1:7001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
    }
}
