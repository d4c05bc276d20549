package dev.rediscdi.internal.commands;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import dev.rediscdi.ScanIteration;
import dev.rediscdi.XReadArgs;

/**
 * The blocking view of a command group: a {@link Proxy} of the blocking interface that calls the method of the
 * same name and parameters on the asynchronous group and waits for its stage. Written once instead of a
 * hand-written twin of every group; {@link #checkShape} proves at first use (and in the unit tests) that every
 * blocking method has its asynchronous counterpart with the matching return type, so the views stay type-safe.
 *
 * <p>Waits last as long as one call may take (the client's timeout and, when retries are on, their duration) plus a
 * margin, except for commands that block server-side ({@code BLPOP},
 * {@code BRPOP}, {@code BLMOVE}, {@code XREAD}/{@code XREADGROUP} with {@code BLOCK}), which wait their own
 * timeout plus the client's, or without limit when they wait forever.
 */
final class BlockingView implements InvocationHandler {
    private static final Set<String> BLOCKING_POPS = Set.of("blpop", "brpop", "blmove");
    private static final Set<String> STREAM_READS = Set.of("xread", "xreadgroup");
    private static final Map<Class<?>, Class<?>> CHECKED = new ConcurrentHashMap<>();
    private static final Map<Method, Method> TARGETS = new ConcurrentHashMap<>();

    private final Object async;
    private final Class<?> asyncType;
    private final Await await;

    private BlockingView(Object async, Class<?> asyncType, Await await) {
        this.async = async;
        this.asyncType = asyncType;
        this.await = await;
    }

    static <B> B of(Class<B> blockingType, Class<?> asyncType, Object async, Await await) {
        CHECKED.computeIfAbsent(blockingType, type -> {
            checkShape(type, asyncType);
            return asyncType;
        });
        return blockingType.cast(Proxy.newProxyInstance(blockingType.getClassLoader(), new Class<?>[] { blockingType },
                new BlockingView(async, asyncType, await)));
    }

    /** Fails unless each method of {@code blockingType} has a twin in {@code asyncType} answering a stage of the same type. */
    static void checkShape(Class<?> blockingType, Class<?> asyncType) {
        for (Method method : blockingType.getMethods()) {
            Method twin;
            try {
                twin = asyncType.getMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(blockingType.getName() + "." + method.getName() + " has no twin in " + asyncType.getName(), e);
            }
            String expected = blockingTwin(twin.getGenericReturnType());
            if (!expected.equals(method.getGenericReturnType().getTypeName())) {
                throw new IllegalStateException(blockingType.getName() + "." + method.getName() + " answers "
                        + method.getGenericReturnType().getTypeName() + ", its asynchronous twin " + twin.getGenericReturnType().getTypeName());
            }
        }
    }

    private static String blockingTwin(Type asyncReturn) {
        if (asyncReturn instanceof ParameterizedType stage) {
            Type argument = stage.getActualTypeArguments()[0];
            if (stage.getRawType() == CompletionStage.class) {
                return argument == Void.class ? "void" : argument.getTypeName();
            }
            if (stage.getRawType() == ScanIteration.class) {
                return Iterable.class.getName() + "<" + argument.getTypeName() + ">";
            }
        }
        return asyncReturn.getTypeName();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "blocking " + async;
            };
        }
        Await.checkThread();
        Method target = TARGETS.computeIfAbsent(method, this::twin);
        Object result;
        try {
            result = target.invoke(async, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof CompletionStage<?> stage) {
            return await.result(stage, maxWait(method.getName(), args));
        }
        if (result instanceof ScanCursor<?> scan) {
            // two round trips at most per page, each within the timeout: on a cluster, the first asks for the primaries
            return new BlockingScan<>(scan, await, await.timeout().multipliedBy(2).plus(Await.SWEEP_MARGIN));
        }
        return result;
    }

    private Method twin(Method method) {
        try {
            return asyncType.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How long to wait; {@code null} for as long as it takes. */
    private Duration maxWait(String name, Object[] args) {
        Duration ownTimeout = null;
        if (BLOCKING_POPS.contains(name)) {
            ownTimeout = argument(args, Duration.class);
        } else if (STREAM_READS.contains(name)) {
            XReadArgs read = argument(args, XReadArgs.class);
            ownTimeout = read == null ? null : read.blockDuration();
        }
        if (ownTimeout == null) {
            return await.timeout().plus(Await.SWEEP_MARGIN);
        }
        return ownTimeout.isZero() ? null : ownTimeout.plus(await.timeout()).plus(Await.SWEEP_MARGIN);
    }

    private static <A> A argument(Object[] args, Class<A> type) {
        for (Object arg : args) {
            if (type.isInstance(arg)) {
                return type.cast(arg);
            }
        }
        return null;
    }
}
