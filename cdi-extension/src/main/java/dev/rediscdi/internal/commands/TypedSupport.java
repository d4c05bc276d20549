package dev.rediscdi.internal.commands;

import java.time.Duration;

import dev.rediscdi.internal.codec.Codecs;

/**
 * What the typed commands need of a client beyond sending: its codecs, how long one call may take (its timeout and,
 * when retries are on, their duration: for the blocking views) and its label for messages.
 */
public record TypedSupport(Codecs codecs, Duration timeout, String label) {
}
