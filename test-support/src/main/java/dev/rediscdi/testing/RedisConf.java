package dev.rediscdi.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders the redis.conf of one server. */
final class RedisConf {

    /** Directives the harness owns: the builder refuses them. */
    static final Set<String> MANAGED = Set.of("port", "tls-port", "daemonize", "logfile", "dir", "include",
            "tls-cert-file", "tls-key-file", "tls-ca-cert-file", "tls-auth-clients");

    private RedisConf() {
    }

    static String render(ServerSettings settings, int port, Path dataDir, Path logFile, TlsMaterial tls) {
        Set<String> overridden = settings.extraConfig().stream()
                .map(line -> line.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
        StringBuilder conf = new StringBuilder("# written by dev.rediscdi.testing.RedisServer\n");
        line(conf, "daemonize", "no");
        if (settings.tls()) {
            line(conf, "port", "0");
            line(conf, "tls-port", Integer.toString(port));
            line(conf, "tls-cert-file", quote(tls.serverCertPem().toString()));
            line(conf, "tls-key-file", quote(tls.serverKeyPem().toString()));
            line(conf, "tls-ca-cert-file", quote(tls.caCertPem().toString()));
            line(conf, "tls-auth-clients", settings.tlsClientAuth() ? "yes" : "no");
        } else {
            line(conf, "port", Integer.toString(port));
        }
        line(conf, "dir", quote(dataDir.toString()));
        line(conf, "logfile", quote(logFile.toString()));
        for (String[] fallback : new String[][] {
                {"bind", "127.0.0.1"}, {"protected-mode", "no"}, {"save", "\"\""}, {"appendonly", "no"}}) {
            if (!overridden.contains(fallback[0])) {
                line(conf, fallback[0], fallback[1]);
            }
        }
        if (settings.defaultUserDisabled()) {
            line(conf, "user", "default off");
        } else if (settings.password() != null) {
            line(conf, "requirepass", quote(settings.password()));
        }
        for (ServerSettings.AclUser user : settings.aclUsers()) {
            line(conf, "user", quote(user.name()) + " on " + quote(">" + user.password()) + " " + user.rules().trim());
        }
        if (settings.debugCommand() && settings.binary().majorVersion() >= 7) {
            line(conf, "enable-debug-command", "local");
        }
        for (ServerSettings.ConfigLine extra : settings.extraConfig()) {
            line(conf, extra.name(), extra.value().isEmpty() ? "\"\"" : extra.value());
        }
        return conf.toString();
    }

    private static void line(StringBuilder conf, String name, String value) {
        conf.append(name).append(' ').append(value).append('\n');
    }

    /** One argument as redis.conf's parser (sdssplitargs) reads it. */
    static String quote(String argument) {
        boolean plain = !argument.isEmpty() && argument.chars()
                .allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '\'' && c != '\\');
        if (plain) {
            return argument;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (byte b : argument.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (c >= ' ' && c < 127) {
                quoted.append((char) c);
            } else {
                quoted.append(String.format("\\x%02x", c));
            }
        }
        return quoted.append('"').toString();
    }
}
