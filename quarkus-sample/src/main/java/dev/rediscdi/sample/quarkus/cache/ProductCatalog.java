package dev.rediscdi.sample.quarkus.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The system of record, deliberately slow ({@code sample.catalog.delay}): what the cache saves calls to. */
@ApplicationScoped
public class ProductCatalog {

    private static final List<Product> PRODUCTS = List.of(
            new Product("apple", "Apple", 50),
            new Product("pear", "Pear", 65),
            new Product("tea", "Green tea", 420),
            new Product("coffee", "Coffee beans", 1190),
            new Product("honey", "Honey", 780));

    private final AtomicLong lookups = new AtomicLong();

    @ConfigProperty(name = "sample.catalog.delay", defaultValue = "300ms")
    Duration delay;

    /** The product, after {@code sample.catalog.delay}: blocks the calling thread. */
    public Optional<Product> lookUp(String id) {
        lookups.incrementAndGet();
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking up " + id, e);
        }
        return PRODUCTS.stream().filter(product -> product.id().equals(id)).findFirst();
    }

    /** Every product, at once (the shop's menu). */
    public List<Product> all() {
        return PRODUCTS;
    }

    /** How many slow look-ups ran since start. */
    public long lookups() {
        return lookups.get();
    }
}
