package dev.rediscdi.tests.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisCodec;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.SharedRedisServers;
import dev.rediscdi.tests.Containers;
import dev.rediscdi.tests.TestConfig;

/** A codec that answers no bytes for a value fails the command: the driver would store the text "null" instead. */
@ExtendWith(WeldJunit5Extension.class)
class CodecReturningNullIT {
    static final RedisServer SERVER = SharedRedisServers.get("typed-commands", RedisServer::builder);

    @RegisterExtension
    final TestConfig config = TestConfig.of("redis.hosts", SERVER.uri());

    @WeldSetup
    WeldInitiator weld = Containers.initiator(NoteCodec.class);

    @Inject
    BlockingRedisClient redis;

    final String key = "codec-null:" + UUID.randomUUID() + ":";

    record Note(String text) {
    }

    /** Has nothing to store for a blank note, and says so with null. */
    @ApplicationScoped
    public static class NoteCodec implements RedisCodec<Note> {
        @Override
        public byte[] encode(Note value) {
            return value.text().isBlank() ? null : value.text().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Note decode(byte[] bytes) {
            return new Note(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldRefuseAValueItsCodecEncodedAsNullAndNameTheCodecAndType() {
        assertThatThrownBy(() -> redis.value(Note.class).set(key + "blank", new Note(" "))).hasMessageContaining(NoteCodec.class.getName())
                .hasMessageContaining(Note.class.getTypeName()).hasMessageContaining("null");

        assertThat(SERVER.command("EXISTS", key + "blank")).as("no value \"null\" stored").isEqualTo("0");
    }

    @Test
    void shouldRefuseAKeyItsCodecEncodedAsNull() {
        assertThatThrownBy(() -> redis.value(Note.class, String.class).set(new Note(""), "v")).hasMessageContaining(NoteCodec.class.getName());

        assertThat(SERVER.command("EXISTS", "null")).as("no key \"null\" written").isEqualTo("0");
    }
}
