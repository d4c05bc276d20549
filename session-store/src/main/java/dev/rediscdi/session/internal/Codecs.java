package dev.rediscdi.session.internal;

import java.lang.reflect.InvocationTargetException;

import dev.rediscdi.internal.config.ConfigProblems;
import dev.rediscdi.session.SessionCodec;

/** Builds the codec that {@code redis-session.codec} names. */
final class Codecs {
    private Codecs() {
    }

    static SessionCodec create(SessionSettings settings, ClassLoader classLoader, ConfigProblems problems) {
        String key = SettingKey.CODEC.key();
        switch (settings.codec()) {
            case "java":
                return new JavaSerializationCodec(settings.serialization());
            case "jsonb":
                try {
                    return new JsonbCodec(settings.serialization());
                } catch (LinkageError | RuntimeException missing) {
                    problems.invalid(key, "jsonb", "no JSON-B implementation is available (" + missing + ")",
                            "add jakarta.json.bind-api and an implementation such as org.eclipse:yasson, or use codec=java");
                    return null;
                }
            default:
                try {
                    Class<?> type = Class.forName(settings.codec(), true, classLoader);
                    if (!SessionCodec.class.isAssignableFrom(type)) {
                        problems.invalid(key, settings.codec(), "does not implement " + SessionCodec.class.getName(), "implement it, or use java or jsonb");
                        return null;
                    }
                    return (SessionCodec) type.getConstructor().newInstance();
                } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                        | InvocationTargetException e) {
                    problems.invalid(key, settings.codec(), "neither java, jsonb nor a class with a public no-argument constructor (" + e + ")",
                            "use java (the default), jsonb, or the name of your SessionCodec class");
                    return null;
                }
        }
    }
}
