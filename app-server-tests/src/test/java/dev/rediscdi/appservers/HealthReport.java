package dev.rediscdi.appservers;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** A MicroProfile Health report, as both servers answer {@code /health/ready}: an overall status and the checks. */
public record HealthReport(String status, List<Check> checks) {

    /** One check: its name ({@code redis}, {@code redis.cache}, or one of the server's own), status and data. */
    public record Check(String name, String status, Map<String, Object> data) {
    }

    static HealthReport of(HttpResponse<String> response) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(response.body(), HealthReport.class);
        } catch (Exception e) {
            throw new AssertionError("not a health report: " + response.statusCode() + " " + response.body(), e);
        }
    }

    /** The check named {@code name}; fails naming the checks there are if there is none. */
    Check check(String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no check named " + name + " in " + this));
    }
}
