package dev.rediscdi.appservers.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test application's REST endpoints live under {@code /api}. */
@ApplicationPath("api")
public class RedisApplication extends Application {
}
