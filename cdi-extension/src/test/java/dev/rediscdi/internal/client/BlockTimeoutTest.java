package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

class BlockTimeoutTest {

    @Test
    void shouldReadTheTimeoutWhereEachBlockingCommandPutsIt() {
        assertThat(BlockTimeout.nanosOf(Request.cmd(Command.BLPOP).arg("queue:a").arg("queue:b").arg("1.5"))).isEqualTo(1_500_000_000L);
        assertThat(BlockTimeout.nanosOf(Request.cmd(Command.BLMOVE).arg("from").arg("to").arg("LEFT").arg("RIGHT").arg(2))).isEqualTo(2_000_000_000L);
        assertThat(BlockTimeout.nanosOf(Request.cmd(Command.BLMPOP).arg("3").arg(2).arg("a").arg("b").arg("LEFT"))).isEqualTo(3_000_000_000L);
        assertThat(BlockTimeout.nanosOf(Request.cmd(Command.BZMPOP).arg("0.25").arg(1).arg("z").arg("MIN"))).isEqualTo(250_000_000L);
        assertThat(BlockTimeout.nanosOf(Request.cmd(Command.XREADGROUP).arg("GROUP").arg("g").arg("c").arg("COUNT").arg(1)
                .arg("block").arg(250).arg("STREAMS").arg("s").arg(">"))).isEqualTo(250_000_000L);
    }

    @Test
    void shouldTellForeverAndUnreadableApart() {
        assertThat(BlockTimeout.nanosOf(Request.cmd(Command.BLPOP).arg("queue").arg(0))).isEqualTo(BlockTimeout.FOREVER);
        assertThat(BlockTimeout.nanosOf(Request.cmd(Command.BLPOP).arg("queue").arg("soon"))).isEqualTo(BlockTimeout.UNKNOWN);
        assertThat(BlockTimeout.nanosOf(Request.cmd(Command.BLPOP))).isEqualTo(BlockTimeout.UNKNOWN);
    }

    @Test
    void shouldKeepArgumentsWithMultibyteCharactersWhole() {
        assertThat(BlockTimeout.arguments(Request.cmd(Command.BLPOP).arg("file d'attente é€").arg("queue\r\n$1").arg(5)))
                .containsExactly("file d'attente é€", "queue\r\n$1", "5");
    }
}
