package dev.rediscdi.dev.internal;

/**
 * What the JVM knows of its local Redis, registered in the platform MBean server as {@value LocalRedis#RECORD_NAME}
 * (also visible in JConsole). Public only because JMX needs the interface to be.
 */
public interface LocalRedisMXBean {

    /** {@code redis://127.0.0.1:PORT} */
    String getUri();

    long getPid();
}
