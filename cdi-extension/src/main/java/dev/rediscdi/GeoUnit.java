package dev.rediscdi;

/** Units of geo distances. */
public enum GeoUnit {
    M, KM, FT, MI
}
