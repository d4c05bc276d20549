package dev.rediscdi.session.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.rediscdi.session.SessionCodec;

/**
 * Java serialization, read only through an {@link ObjectInputFilter}: the allow-list (JDK value types plus the
 * configured ones) and limits on depth, references, array length and stream size. Anything else is rejected
 * before its class is initialized or its {@code readObject} runs.
 *
 * <p>Writing goes through the same filter, so that a value that could never be read back is refused when it is
 * stored: each class the stream describes is checked as it is written (the filter's verdict remembered per class),
 * and the bytes stop at {@code max-bytes}. No second serialization, no second matcher. The limits on depth, objects
 * and array lengths count what reading meets, which writing cannot see (an {@code ArrayList} writes its size, a
 * {@code HashMap} its size and load factor, and their {@code readObject} asks the filter about the array it makes):
 * {@link #checkReadable} reads the bytes back through the same filter, for the values the store is about to write.
 */
final class JavaSerializationCodec implements SessionCodec, ReadBackCheck {
    private final ObjectInputFilter filter;
    private final SerializationLimits limits;
    private final long maxBytes;
    /**
     * The filter's verdict on each class written so far, asked once per class (its patterns never change): a value's
     * classes cost a map lookup each, not a pass over the patterns. Holds the application's classes, as the codec does.
     */
    private final Map<Class<?>, Boolean> writable = new ConcurrentHashMap<>();

    JavaSerializationCodec(SerializationLimits limits) {
        StringBuilder pattern = new StringBuilder()
                .append("maxdepth=").append(limits.maxDepth())
                .append(";maxrefs=").append(limits.maxReferences())
                .append(";maxarray=").append(limits.maxArrayLength())
                .append(";maxbytes=").append(limits.maxBytes());
        for (String allowed : new AllowList(limits.allow()).patterns()) {
            pattern.append(';').append(allowed);
        }
        pattern.append(";!*");
        this.filter = ObjectInputFilter.Config.createFilter(pattern.toString());
        this.limits = limits;
        this.maxBytes = limits.maxBytes();
    }

    @Override
    public byte[] encode(Object value) throws IOException {
        BoundedBytes bytes = new BoundedBytes(maxBytes);
        try (ObjectOutputStream out = new FilteredOutput(bytes, this::isWritable)) {
            out.writeObject(value);
        } catch (Refused refused) {
            throw refused.reason;
        }
        return bytes.toByteArray();
    }

    @Override
    public Object decode(byte[] bytes, ClassLoader classLoader) throws IOException, ClassNotFoundException {
        if (bytes.length > maxBytes) {
            throw new InvalidClassException("value of " + bytes.length + " bytes exceeds serialization.max-bytes=" + maxBytes);
        }
        try (ObjectInputStream in = new FilteredInput(new ByteArrayInputStream(bytes), classLoader, filter)) {
            return in.readObject();
        }
    }

    @Override
    public void checkReadable(byte[] bytes, ClassLoader classLoader) throws UnreadableValueException {
        FirstRefusal reading = new FirstRefusal();
        try (ObjectInputStream in = new FilteredInput(new ByteArrayInputStream(bytes), classLoader, reading)) {
            in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            throw reading.refusal != null ? reading.refusal : UnreadableValueException.readingFails(e);
        }
    }

    /** Whether reading lets this class through the filter (its limits aside). */
    private boolean isWritable(Class<?> type) {
        Boolean known = writable.get(type);
        if (known == null) {
            known = filter.checkInput(new ClassOnly(type)) != ObjectInputFilter.Status.REJECTED;
            writable.put(type, known);
        }
        return known;
    }

    /** The filter, remembering why it refused first, in the words of the setting that refused. */
    private final class FirstRefusal implements ObjectInputFilter {
        private UnreadableValueException refusal;

        @Override
        public Status checkInput(FilterInfo info) {
            Status status = filter.checkInput(info);
            if (status == Status.REJECTED && refusal == null) {
                refusal = reason(info);
            }
            return status;
        }

        // in the order the filter checks them
        private UnreadableValueException reason(FilterInfo info) {
            if (info.depth() > limits.maxDepth()) {
                return UnreadableValueException.tooDeep(limits.maxDepth());
            }
            if (info.references() > limits.maxReferences()) {
                return UnreadableValueException.tooManyObjects(limits.maxReferences());
            }
            if (info.arrayLength() > limits.maxArrayLength()) {
                return UnreadableValueException.arrayTooLong(info.arrayLength(), limits.maxArrayLength());
            }
            if (info.streamBytes() > maxBytes) {
                return UnreadableValueException.tooLarge(maxBytes);
            }
            Class<?> type = info.serialClass();
            return UnreadableValueException.notAllowed(type == null ? "class" : type.isArray() ? type.getTypeName() : type.getName());
        }
    }

    /** Refuses, while writing, every class the filter would refuse while reading. */
    private static final class FilteredOutput extends ObjectOutputStream {
        private final Predicate<Class<?>> writable;

        FilteredOutput(OutputStream out, Predicate<Class<?>> writable) throws IOException {
            super(out);
            this.writable = writable;
        }

        /** Called once for each class descriptor the stream writes (superclasses and array types included), as reading filters each. */
        @Override
        protected void annotateClass(Class<?> type) throws IOException {
            check(type);
        }

        @Override
        protected void annotateProxyClass(Class<?> type) throws IOException {
            check(type);
        }

        private void check(Class<?> type) {
            if (!writable.test(type)) {
                throw new Refused(UnreadableValueException.notAllowed(type.isArray() ? type.getTypeName() : type.getName()));
            }
        }
    }

    /** What the filter is asked about a class: the class alone, every counter at its neutral value (the limits are not checked here). */
    private record ClassOnly(Class<?> serialClass) implements ObjectInputFilter.FilterInfo {
        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 0;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }

    /**
     * Carries a refusal out of the stream unchecked: an {@link IOException} thrown inside {@code writeObject} makes the
     * stream serialize that exception into the bytes (and filter its class, which would replace the reason).
     */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient UnreadableValueException reason;

        Refused(UnreadableValueException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }

    /** The bytes of one value, refused as soon as they pass the limit reading applies: a huge value is never copied whole. */
    private static final class BoundedBytes extends ByteArrayOutputStream {
        private final long maxBytes;

        BoundedBytes(long maxBytes) {
            super(128);
            this.maxBytes = maxBytes;
        }

        @Override
        public synchronized void write(int b) {
            if (count + 1L > maxBytes) {
                throw new Refused(UnreadableValueException.tooLarge(maxBytes));
            }
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            if (count + (long) length > maxBytes) {
                throw new Refused(UnreadableValueException.tooLarge(maxBytes));
            }
            super.write(bytes, offset, length);
        }
    }

    /** Resolves classes in the web application's class loader, behind the filter. */
    private static final class FilteredInput extends ObjectInputStream {
        private final ClassLoader classLoader;

        FilteredInput(InputStream in, ClassLoader classLoader, ObjectInputFilter filter) throws IOException {
            super(in);
            this.classLoader = classLoader;
            setObjectInputFilter(filter);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            try {
                // initialize=false: a rejected class never runs its static initializer
                return Class.forName(description.getName(), false, classLoader);
            } catch (ClassNotFoundException notInApplication) {
                if (description.getName().startsWith(WeldClasses.PACKAGE_PREFIX)) {
                    return WeldClasses.load(description.getName());
                }
                return super.resolveClass(description);
            }
        }
    }
}
