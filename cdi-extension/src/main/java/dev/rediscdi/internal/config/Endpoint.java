package dev.rediscdi.internal.config;

/**
 * One Redis address from {@code hosts}, with the credentials it carried removed (they are kept in
 * {@link ClientConfig} and put back only into the driver's connection string).
 */
public record Endpoint(String scheme, String host, int port, String path) {

    public boolean tls() {
        return "rediss".equals(scheme);
    }

    public boolean unixSocket() {
        return "unix".equals(scheme);
    }

    @Override
    public String toString() {
        return unixSocket() ? scheme + "://" + path : scheme + "://" + host + ":" + port + (path == null ? "" : path);
    }
}
