package dev.rediscdi.testing;

import java.util.List;

/**
 * What a {@link RedisServer.Builder} collected: immutable, so a server restarts with the same settings.
 * {@code sentinel}: run as {@code redis-server CONF --sentinel} (see {@link RedisSentinelGroup}).
 */
record ServerSettings(
        RedisBinary binary,
        String password,
        List<AclUser> aclUsers,
        boolean defaultUserDisabled,
        boolean tls,
        boolean tlsClientAuth,
        List<String> tlsServerHostnames,
        boolean debugCommand,
        List<ConfigLine> extraConfig,
        boolean sentinel) {

    /** An ACL user: {@code user NAME on >PASSWORD RULES...}. */
    record AclUser(String name, String password, String rules) {
    }

    /** An extra configuration line: {@code NAME VALUE}. */
    record ConfigLine(String name, String value) {
    }

    /**
     * Who {@link RedisServer#command(String...)} authenticates as: the default user (with the password, if
     * any), or the first ACL user when the default user is disabled.
     */
    Credentials credentials() {
        if (defaultUserDisabled) {
            if (aclUsers.isEmpty()) {
                return Credentials.NONE;
            }
            AclUser user = aclUsers.get(0);
            return new Credentials(user.name(), user.password());
        }
        return new Credentials(null, password);
    }
}
