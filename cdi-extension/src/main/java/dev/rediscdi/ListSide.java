package dev.rediscdi;

/** An end of a list, for {@code LMOVE} and {@code BLMOVE}. */
public enum ListSide {
    LEFT, RIGHT
}
