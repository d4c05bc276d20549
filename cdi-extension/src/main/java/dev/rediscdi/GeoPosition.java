package dev.rediscdi;

/**
 * A point on Earth, in degrees.
 *
 * @param longitude from -180 to 180
 * @param latitude from -85.05112878 to 85.05112878 (the limits of Redis' encoding)
 */
public record GeoPosition(double longitude, double latitude) {
    /** @throws IllegalArgumentException if a coordinate is NaN or infinite */
    public GeoPosition {
        Arguments.finiteDegrees("longitude", longitude);
        Arguments.finiteDegrees("latitude", latitude);
    }
}
