/**
 * JUnit 5 harness that runs real {@code redis-server} processes on free 127.0.0.1 ports.
 * <ul>
 *   <li>{@link dev.rediscdi.testing.RedisServer}: one server (builder, commands, stop/kill/restart/freeze);</li>
 *   <li>{@link dev.rediscdi.testing.RedisServerExtension}: one server per test class (or per test);</li>
 *   <li>{@link dev.rediscdi.testing.SharedRedisServers}: servers shared by the test classes of a JVM;</li>
 *   <li>{@link dev.rediscdi.testing.RedisReplication}: a primary and N replicas;</li>
 *   <li>{@link dev.rediscdi.testing.RedisSentinelGroup}: primary, replica(s), Sentinels, {@code failover()};</li>
 *   <li>{@link dev.rediscdi.testing.RedisCluster}: 3 primaries + 3 replicas, key slots, kill/migrate helpers;</li>
 *   <li>{@link dev.rediscdi.testing.RedisTopologyExtension}, {@link dev.rediscdi.testing.SharedRedisTopologies}:
 *       one topology per test class, or per JVM;</li>
 *   <li>{@link dev.rediscdi.testing.RedisBinary}: which {@code redis-server} runs (PATH, override, embedded);</li>
 *   <li>{@link dev.rediscdi.testing.TlsMaterial}: CA, server and client certificates, PEM and key stores.</li>
 * </ul>
 */
package dev.rediscdi.testing;
