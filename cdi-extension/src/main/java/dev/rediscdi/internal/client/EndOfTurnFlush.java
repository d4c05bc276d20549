package dev.rediscdi.internal.client;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;

/**
 * Holds a connection's flushes until its event loop ends the turn it runs (or until 256 are held), then flushes once.
 *
 * <p>Written here rather than taken from Netty's {@code FlushConsolidationHandler}, which does the same with its
 * flush scheduled as an ordinary task: a busy loop may run that task only after its next round of I/O, and a
 * connection that closes in that round fails the commands written but never flushed with a
 * {@code ClosedChannelException}, which the driver gives every command in flight, so that commands never sent
 * would be reported as possibly run. The tasks that run at the end of a turn ({@code executeAfterEventLoopIteration})
 * run before the next round of I/O: a command is flushed in the turn that wrote it.
 *
 * <p>Every method runs on the connection's event loop, as Netty calls handlers: no field needs a lock.
 */
final class EndOfTurnFlush extends ChannelDuplexHandler {
    /** Flushes held before one is let through at once, which bounds what waits in the outbound buffer. */
    static final int MAX_HELD_FLUSHES = 256;

    private final Runnable flushTask = this::flushIfHeld;
    private ChannelHandlerContext context;
    private int held;
    private boolean scheduled;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        EventLoop loop = ctx.channel().eventLoop();
        if (!(loop instanceof SingleThreadEventLoop turns) || ++held >= MAX_HELD_FLUSHES) {
            flushNow();
            return;
        }
        if (!scheduled) {
            scheduled = true;
            turns.executeAfterEventLoopIteration(flushTask);
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        flushIfHeld();
        ctx.close(promise);
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
        flushIfHeld();
        ctx.disconnect(promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) { // the buffer filled up: let it drain rather than hold more
            flushIfHeld();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        flushIfHeld();
    }

    private void flushIfHeld() {
        scheduled = false;
        if (held > 0) {
            flushNow();
        }
    }

    private void flushNow() {
        held = 0;
        context.flush();
    }
}
