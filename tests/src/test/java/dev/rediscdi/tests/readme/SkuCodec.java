package dev.rediscdi.tests.readme;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rediscdi.RedisCodec;

@ApplicationScoped
public class SkuCodec implements RedisCodec<Sku> {   // every client stores a Sku as its bare code

    @Override
    public byte[] encode(Sku sku) {
        return sku.code().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Sku decode(byte[] bytes) {
        return new Sku(new String(bytes, StandardCharsets.UTF_8));
    }
}
