package dev.rediscdi.session.internal;

/**
 * Weld's own classes, for reading back the wrappers Weld serializes {@code @SessionScoped} beans in
 * ({@code org.jboss.weld.contexts.*}). Where the application's class loader does not know them (Open Liberty
 * shows applications only Weld's API), they come from the class loader of Weld's implementation. Loaded only
 * when a stored value names such a class, which only Weld writes.
 */
final class WeldClasses {
    static final String PACKAGE_PREFIX = "org.jboss.weld.";

    private WeldClasses() {
    }

    static Class<?> load(String name) throws ClassNotFoundException {
        ClassLoader weld;
        try {
            weld = WeldSessionScope.implementationClassLoader();
        } catch (RuntimeException | LinkageError noWeld) {
            throw new ClassNotFoundException(name + " (Weld's implementation is not reachable: " + noWeld + ")", noWeld);
        }
        return Class.forName(name, false, weld);
    }
}
