package dev.rediscdi.testing;

/** What to send as {@code AUTH [user] password}; no AUTH at all when the password is {@code null}. */
record Credentials(String user, String password) {

    static final Credentials NONE = new Credentials(null, null);
}
