package dev.rediscdi.internal.client;

/**
 * The connection string of one cluster node, made from the client's own: same scheme, credentials, database and
 * parameters, another host and port. Done on the text, because {@link java.net.URI} would encode the
 * already-encoded credentials a second time.
 */
final class NodeUri {
    private NodeUri() {
    }

    /** {@code host:port}, IPv6 hosts in brackets. */
    static String hostPort(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The host of a connection string, IPv6 hosts in brackets. */
    static String host(String uri) {
        String hostPort = hostPortOf(uri);
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 && !hostPort.endsWith("]") ? hostPort.substring(0, colon) : hostPort;
    }

    /** {@code uri} with its host and port replaced by {@code hostPort}. */
    static String withHostPort(String uri, String hostPort) {
        int authority = authorityStart(uri);
        int end = authorityEnd(uri, authority);
        int at = uri.lastIndexOf('@', end - 1);
        int hostStart = at >= authority ? at + 1 : authority;
        return uri.substring(0, hostStart) + hostPort + uri.substring(end);
    }

    /** The {@code host:port} of a connection string. */
    static String hostPortOf(String uri) {
        int authority = authorityStart(uri);
        int end = authorityEnd(uri, authority);
        int at = uri.lastIndexOf('@', end - 1);
        return uri.substring(at >= authority ? at + 1 : authority, end);
    }

    private static int authorityStart(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            throw new IllegalArgumentException("not a redis:// or rediss:// connection string");
        }
        return scheme + 3;
    }

    private static int authorityEnd(String uri, int from) {
        int end = uri.length();
        for (char delimiter : new char[] { '/', '?', '#' }) {
            int at = uri.indexOf(delimiter, from);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end;
    }
}
