package dev.rediscdi.session.internal;

/**
 * A codec of the store's own that can tell whether bytes it wrote would read back, and if not, why, in the words of
 * the setting that refuses them. Some limits are only known by reading: the depth, the objects and the array lengths
 * that {@code serialization.max-*} bound count what reading meets (the array an {@code ArrayList} makes as it reads,
 * or the table of a {@code HashMap}, sized from what it wrote, included), and a {@code readObject} or a JSON-B mapping
 * may not read what it wrote.
 */
interface ReadBackCheck {

    /**
     * Reads {@code bytes} as the store's reading would, and throws when that fails.
     *
     * @param classLoader the web application's class loader
     */
    void checkReadable(byte[] bytes, ClassLoader classLoader) throws UnreadableValueException;
}
