package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SentinelPrimaryWatchTest {

    @Test
    void shouldFollowWhatMostOfTheConfiguredSentinelsName() {
        assertThat(SentinelPrimaryWatch.majority(List.of("10.0.0.2:6380", "10.0.0.2:6380", "10.0.0.1:6380"), 3)).isEqualTo("10.0.0.2:6380");
        assertThat(SentinelPrimaryWatch.majority(List.of("10.0.0.1:6380"), 1)).isEqualTo("10.0.0.1:6380");
    }

    @Test
    void shouldFollowNobodyWithoutAMajorityOfTheConfiguredSentinels() {
        // a Sentinel that did not answer (null) counts against: two of three named nobody the same
        assertThat(SentinelPrimaryWatch.majority(Arrays.asList("10.0.0.2:6380", null, "10.0.0.1:6380"), 3)).isNull();
        assertThat(SentinelPrimaryWatch.majority(Arrays.asList("10.0.0.2:6380", null, null), 3)).isNull();
        assertThat(SentinelPrimaryWatch.majority(List.of("10.0.0.2:6380", "10.0.0.1:6380"), 2)).isNull();
    }
}
