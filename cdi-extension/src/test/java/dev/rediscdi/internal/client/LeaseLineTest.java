package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class LeaseLineTest {

    @Test
    void shouldLendFreeLeasesAtOnceThenServeWaitersInOrderOfArrival() {
        LeaseLine line = new LeaseLine(2, 10);
        CompletableFuture<Void> first = line.take();
        CompletableFuture<Void> second = line.take();
        CompletableFuture<Void> third = line.take();
        CompletableFuture<Void> fourth = line.take();

        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
        assertThat(third).isNotDone();
        assertThat(fourth).isNotDone();

        line.give();
        assertThat(third).as("the first in line").isCompleted();
        assertThat(fourth).isNotDone();
        line.give();
        assertThat(fourth).isCompleted();
    }

    @Test
    void shouldRefuseACallerWhenTheLineIsFull() {
        LeaseLine line = new LeaseLine(1, 2);
        line.take();
        line.take();
        line.take();

        assertThat(line.take()).as("a third caller waiting").isNull();
        assertThat(line.waiting()).isEqualTo(2);
    }

    @Test
    void shouldLetACallerLeaveTheLineAndGiveItsTurnToTheNext() {
        LeaseLine line = new LeaseLine(1, 2);
        line.take();
        CompletableFuture<Void> gaveUp = line.take();
        CompletableFuture<Void> patient = line.take();

        assertThat(line.leave(gaveUp)).isTrue();
        assertThat(line.take()).as("room in line again").isNotNull();
        line.give();

        assertThat(gaveUp).isNotDone();
        assertThat(patient).isCompleted();
    }

    @Test
    void shouldSayWhenALeavingCallerAlreadyHoldsALease() {
        LeaseLine line = new LeaseLine(1, 2);
        line.take();
        CompletableFuture<Void> late = line.take();
        line.give();

        assertThat(line.leave(late)).as("it holds the lease given back: it must give it back itself").isFalse();
        assertThat(late).isCompleted();
        CompletableFuture<Void> next = line.take();
        assertThat(next).as("no lease is free while the late caller holds it").isNotCompleted();
        line.give();
        assertThat(next).isCompleted();
    }

    @Test
    void shouldFailEveryWaiterAndEveryLaterCallerOnceClosed() {
        LeaseLine line = new LeaseLine(1, 10);
        CompletableFuture<Void> holder = line.take();
        CompletableFuture<Void> waiter = line.take();
        IllegalStateException closing = new IllegalStateException("closed");

        line.close(closing);

        assertThat(holder).as("a lease already held is not taken back").isCompleted();
        assertThat(waiter).isCompletedExceptionally();
        assertThat(waiter.handle((ok, error) -> error).join()).isSameAs(closing);
        assertThat(line.waiting()).isZero();
        assertThat(line.take()).isCompletedExceptionally();
    }
}
