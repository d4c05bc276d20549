package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

class CommandRouteTest {

    @Test
    void shouldRefuseConnectionStateCommandsHoweverTheyAreNamed() {
        for (Command select : new Command[] { Command.SELECT, Command.create("SELECT"), Command.create("select"), Command.create("SeLeCt") }) {
            assertThatIllegalArgumentException().isThrownBy(() -> CommandRoute.of(Request.cmd(select).arg(1)))
                    .withMessageStartingWith("SELECT cannot be sent through RedisClient")
                    .withMessageContaining("redis://host:port/1");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> CommandRoute.of(Request.cmd(Command.create("multi"))))
                .withMessageContaining("withConnection");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandRoute.of(Request.cmd(Command.create("ssubscribe")).arg("c")))
                .withMessageContaining("use RedisClient.ssubscribe(...)");
        for (String waiting : new String[] { "WAIT", "waitaof" }) { // WAITAOF: Redis 7.2, maybe unknown to the driver
            assertThatIllegalArgumentException().isThrownBy(() -> CommandRoute.of(Requests.of(waiting, 1, 0, 0)))
                    .withMessageContaining("inside RedisClient.withConnection");
        }
        // a name the driver does not know gets a new Command instance of the application's spelling each time
        for (String spelling : new String[] { "waitaof", "WaitAof", "WAITAOF" }) {
            assertThatIllegalArgumentException().isThrownBy(() -> CommandRoute.of(Request.cmd(Command.create(spelling)).arg(1).arg(0).arg(0)))
                    .withMessageStartingWith("WAITAOF cannot be sent through RedisClient");
        }
    }

    @Test
    void shouldRefuseClientSubcommandsThatChangeTheRepliesOfTheSharedConnection() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommandRoute.of(Request.cmd(Command.create("client")).arg("tracking").arg("on")))
                .withMessageStartingWith("CLIENT TRACKING cannot be sent through RedisClient").withMessageContaining("io.vertx.redis.client.Redis");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandRoute.of(Request.cmd(Command.CLIENT).arg("REPLY").arg("OFF")))
                .withMessageStartingWith("CLIENT REPLY cannot be sent through RedisClient");
        assertThat(CommandRoute.of(Request.cmd(Command.CLIENT).arg("ID"))).isEqualTo(CommandRoute.PIPELINED);
        assertThat(CommandRoute.of(Request.cmd(Command.CLIENT).arg("SETNAME").arg("tracking"))).isEqualTo(CommandRoute.PIPELINED);
        assertThat(CommandRoute.of(Request.cmd(Command.CLIENT).arg("TRACKINGINFO"))).isEqualTo(CommandRoute.PIPELINED);
    }

    @Test
    void shouldRouteBlockingCommandsToAConnectionOfTheirOwn() {
        assertThat(CommandRoute.of(Request.cmd(Command.create("blpop")).arg("q").arg(1))).isEqualTo(CommandRoute.OWN_CONNECTION);
        assertThat(CommandRoute.of(Request.cmd(Command.BZPOPMIN).arg("z").arg(1))).isEqualTo(CommandRoute.OWN_CONNECTION);
        assertThat(CommandRoute.of(Request.cmd(Command.XREAD).arg("BLOCK").arg(100).arg("STREAMS").arg("s").arg("$")))
                .isEqualTo(CommandRoute.OWN_CONNECTION);
        assertThat(CommandRoute.of(Request.cmd(Command.XREAD).arg("COUNT").arg(1).arg("STREAMS").arg("s").arg("0")))
                .isEqualTo(CommandRoute.PIPELINED);
    }

    @Test
    void shouldPipelineEverythingElseModulesIncluded() {
        assertThat(CommandRoute.of(Request.cmd(Command.GET).arg("k"))).isEqualTo(CommandRoute.PIPELINED);
        assertThat(CommandRoute.of(Request.cmd(Command.create("JSON.GET")).arg("k"))).isEqualTo(CommandRoute.PIPELINED);
    }
}
