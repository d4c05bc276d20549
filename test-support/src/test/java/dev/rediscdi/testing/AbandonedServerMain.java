package dev.rediscdi.testing;

/** Starts a server, prints its pid and directory, and exits without stopping it: the shutdown hook must. */
public final class AbandonedServerMain {

    private AbandonedServerMain() {
    }

    public static void main(String[] args) {
        RedisServer server = RedisServer.builder().start();
        RedisServer frozen = RedisServer.builder().start();
        frozen.freeze();
        System.out.println(server.pid() + " " + server.directory());
        System.out.println(frozen.pid() + " " + frozen.directory());
    }
}
