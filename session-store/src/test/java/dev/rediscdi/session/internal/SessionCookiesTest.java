package dev.rediscdi.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SessionCookiesTest {
    private static final String ID = "AbCdEfGhIjKlMnOpQrStUvWxYz012-_9";
    private static final long NOW = 1_700_000_000_123L; // Tue, 14 Nov 2023 22:13:20 GMT

    @Test
    void shouldWriteEveryAttributeTheSettingsAskFor() {
        CookieSettings settings = new CookieSettings("SHOP", true, true, "Strict", Optional.of("/shop"), Optional.of("example.com"), 90);
        assertThat(SessionCookies.header(settings, "/ignored", ID, NOW)).isEqualTo("SHOP=" + ID
                + "; Path=/shop; Domain=example.com; Max-Age=90; Expires=Tue, 14 Nov 2023 22:14:50 GMT; Secure; HttpOnly; SameSite=Strict");
    }

    @Test
    void shouldWriteABrowserSessionCookieForTheContextPathByDefault() {
        CookieSettings settings = new CookieSettings("SESSION", true, false, "Lax", Optional.empty(), Optional.empty(), -1);
        assertThat(SessionCookies.header(settings, "", ID, NOW)).isEqualTo("SESSION=" + ID + "; Path=/; HttpOnly; SameSite=Lax");
        assertThat(SessionCookies.header(settings, "/app", ID, NOW)).isEqualTo("SESSION=" + ID + "; Path=/app; HttpOnly; SameSite=Lax");
    }

    @Test
    void shouldExpireAtOnceWithMaxAgeZeroAndPadTheDay() {
        CookieSettings settings = new CookieSettings("SESSION", false, false, "Lax", Optional.empty(), Optional.empty(), 0);
        assertThat(SessionCookies.header(settings, "", ID, 86_400_000L)).isEqualTo("SESSION=" + ID
                + "; Path=/; Max-Age=0; Expires=Fri, 02 Jan 1970 00:00:00 GMT; SameSite=Lax");
    }

    @Test
    void shouldEndTheCookieWithTheSameNamePathDomainAndFlags() {
        CookieSettings settings = new CookieSettings("SHOP", true, true, "Strict", Optional.of("/shop"), Optional.of("example.com"), 90);
        assertThat(SessionCookies.expiredHeader(settings, "/ignored"))
                .isEqualTo("SHOP=; Path=/shop; Domain=example.com; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Strict");
        CookieSettings browserSession = new CookieSettings("SESSION", true, false, "Lax", Optional.empty(), Optional.empty(), -1);
        assertThat(SessionCookies.expiredHeader(browserSession, "/app"))
                .isEqualTo("SESSION=; Path=/app; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
    }

    @Test
    void shouldRefuseWhatWouldBreakTheHeader() {
        CookieSettings settings = new CookieSettings("SESSION", true, true, "Lax", Optional.empty(), Optional.empty(), -1);
        assertThatThrownBy(() -> SessionCookies.header(settings, "/a;b", ID, NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"/a;b\"").hasMessageContaining("redis-session.cookie.path");
        assertThatThrownBy(() -> SessionCookies.header(settings, "/a\r\nSet-Cookie: x=1", ID, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SessionCookies.header(settings, "/", ID + "\r\nX: y", NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
