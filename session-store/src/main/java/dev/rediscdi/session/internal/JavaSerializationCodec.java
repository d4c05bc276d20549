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

import dev.rediscdi.session.SessionCodec;

/**
 * Java serialization, read only through an {@link ObjectInputFilter}: the allow-list (JDK value types plus the
 * configured ones) and limits on depth, references, array length and stream size. Anything else is rejected
 * before its class is initialized or its {@code readObject} runs.
 */
final class JavaSerializationCodec implements SessionCodec {
    private final ObjectInputFilter filter;
    private final long maxBytes;

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
        this.maxBytes = limits.maxBytes();
    }

    @Override
    public byte[] encode(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
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
