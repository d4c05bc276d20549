package dev.rediscdi.sample.quarkus.jobs;

/** A job of the queue: its stream entry id and what to do. */
public record Job(String id, String payload) {
}
