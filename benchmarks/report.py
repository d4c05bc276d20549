#!/usr/bin/env python3
"""Turns the JMH JSON results of the two benchmark jars into one Markdown table.

Usage: report.py OUT.md [--fact NAME=VALUE ...] RESULT.json [RESULT.json ...]

Every score is the median of all measurement iterations of all forks (primaryMetric.rawData, or the
secondary metric's rawData for the ok/errors counters), not JMH's mean: a stray slow iteration on a
2-core machine moves a mean, not a median.

run.sh runs the benchmarks in rounds, one fork of each per round, in files named NAME-roundN.json. A ratio is
taken within each round (the medians of its two benchmarks in that round), and the table gives the median of
those ratios and each round's: both clients of a ratio met the same spell of a noisy machine in each round.
"""
import json
import re
import statistics
import sys

# (workload class, method) -> client label; the order is the order of the rows
CLIENTS = [
    ("cdiAsync", "RedisClient async (this library)"),
    ("cdi", "RedisClient async (this library)"),
    ("cdiBlocking", "BlockingRedisClient (this library)"),
    ("cdiTyped", "RedisClient typed commands (this library)"),
    ("rawPooled", "raw Vert.x RedisAPI, pooled, driver defaults"),
    ("rawShared", "raw Vert.x RedisAPI on one shared connection"),
    ("lettuce", "Lettuce 7 async, one shared connection"),
    ("jedis", "Jedis 8 RedisClient (ex-JedisPooled), pool of 64"),
]

WORKLOADS = [
    ("SingleGet", "(1) One request in flight: GET of a 100-byte value, 1 thread waiting for each reply", "ops/s", False),
    ("MixedConcurrent", "(2) 64 concurrent callers: 64 threads, 50/50 GET/SET of 100-byte values, each waiting for its reply", "ok ops/s", True),
    ("MixedAsyncWindow", "(2b) 64 in flight from ONE thread, 50/50 GET/SET (asynchronous clients only; informational)", "ok ops/s", True),
    ("Batch100", "(3) Batches of 100 GETs, one batch in flight", "keys/s", False),
]

# (label, numerator, denominator, target)
RATIOS = [
    ("(2) RedisClient / Lettuce, 64 threads", ("MixedConcurrent", "cdi", "ok"), ("MixedConcurrent", "lettuce", "ok"), 2.5),
    ("(2) RedisClient / raw shared connection, 64 threads", ("MixedConcurrent", "cdi", "ok"), ("MixedConcurrent", "rawShared", "ok"), 0.9),
    ("(2b) RedisClient / Lettuce, 64 in flight from one thread", ("MixedAsyncWindow", "cdi", "ok"), ("MixedAsyncWindow", "lettuce", "ok"), 2.5),
    ("(2b) RedisClient / raw shared connection, 64 in flight from one thread", ("MixedAsyncWindow", "cdi", "ok"), ("MixedAsyncWindow", "rawShared", "ok"), 0.9),
    ("(1) RedisClient async / raw pooled driver", ("SingleGet", "cdiAsync", None), ("SingleGet", "rawPooled", None), 0.95),
    ("(3) RedisClient batch / raw pooled driver batch", ("Batch100", "cdi", None), ("Batch100", "rawPooled", None), 0.95),
    ("(1) BlockingRedisClient / RedisClient async", ("SingleGet", "cdiBlocking", None), ("SingleGet", "cdiAsync", None), 0.9),
    ("(1) typed value(..).get / RedisClient send", ("SingleGet", "cdiTyped", None), ("SingleGet", "cdiAsync", None), 0.95),
    ("(2) typed value(..).get/set / RedisClient send, 64 threads", ("MixedConcurrent", "cdiTyped", "ok"), ("MixedConcurrent", "cdi", "ok"), 0.95),
]


def flatten(raw):
    return [value for fork in raw for value in fork]


def round_of(path):
    found = re.search(r"-round(\d+)\.json$", path)
    return int(found.group(1)) if found else 0


def load(paths):
    """(workload, method) -> {"primary": [...], "ok": [...], "errors": [...], "rounds": {round: {metric: [...]}}}"""
    results = {}
    for path in paths:
        try:
            with open(path) as f:
                runs = json.load(f)
        except (OSError, ValueError) as e:
            print(f"warning: skipping {path}: {e}", file=sys.stderr)
            continue
        for run in runs:
            parts = run["benchmark"].split(".")
            measured = {"primary": flatten(run["primaryMetric"]["rawData"])}
            for name, metric in run.get("secondaryMetrics", {}).items():
                measured[name] = flatten(metric["rawData"])
            entry = results.setdefault((parts[-2], parts[-1]), {"rounds": {}})
            entry["rounds"].setdefault(round_of(path), {}).update(measured)
            for name, values in measured.items():
                entry.setdefault(name, []).extend(values)
    return results


def median(values):
    return statistics.median(values) if values else None


def fmt(value):
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def round_ratios(results, num, den):
    """The ratio of the two benchmarks' medians in each round both ran in, by round."""
    (workload_a, method_a, metric_a), (workload_b, method_b, metric_b) = num, den
    a = results.get((workload_a, method_a))
    b = results.get((workload_b, method_b))
    if a is None or b is None:
        return {}
    ratios = {}
    for round_number in sorted(set(a["rounds"]) & set(b["rounds"])):
        top = median(a["rounds"][round_number].get(metric_a or "primary", []))
        bottom = median(b["rounds"][round_number].get(metric_b or "primary", []))
        if top is not None and bottom:
            ratios[round_number] = top / bottom
    return ratios


def render(results, facts):
    lines = ["# Redis CDI benchmarks", ""]
    if facts:
        for name, value in facts:
            lines.append(f"- **{name}**: {value}")
        lines.append("")
    lines.append("Scores are medians over every measurement iteration of every fork (JMH `rawData`); "
                 "min–max is the spread of those iterations. One redis-server served every client. "
                 "CPU µs/op (medians too, `-prof dev.rediscdi.bench.CpuPerOp`): CPU time of the benchmark JVM (JMH's "
                 "threads included) and of redis-server per operation (per key in batches); on a shared machine it "
                 "moves less than throughput does.")
    lines.append("")
    for workload, title, unit, with_errors in WORKLOADS:
        rows = [(method, label) for method, label in CLIENTS if (workload, method) in results]
        if not rows:
            continue
        lines.append(f"## {title}")
        lines.append("")
        header = f"| client | {unit} (median) | min–max | iterations |"
        rule = "|---|---:|---:|---:|"
        if with_errors:
            header += " errors/s (median) |"
            rule += "---:|"
        with_cpu = any("cpu.client" in results[(workload, method)] for method, _ in rows)
        if with_cpu:
            header += " client CPU µs/op | Redis CPU µs/op |"
            rule += "---:|---:|"
        lines += [header, rule]
        for method, label in rows:
            entry = results[(workload, method)]
            values = entry.get("ok", entry["primary"]) if with_errors else entry["primary"]
            row = f"| {label} | {fmt(median(values))} | {fmt(min(values))}–{fmt(max(values))} | {len(values)} |"
            if with_errors:
                row += f" {fmt(median(entry.get('errors', [])))} |"
            if with_cpu:
                row += f" {fmt(median(entry.get('cpu.client', [])))} | {fmt(median(entry.get('cpu.redis', [])))} |"
            lines.append(row)
        lines.append("")
    lines += ["## Ratios the project targets", "",
              "The median of the ratios of the rounds, each taken between the two benchmarks' medians in that round.", "",
              "| ratio | value (median) | rounds | target | met |", "|---|---:|---:|---:|:---:|"]
    for label, num, den, target in RATIOS:
        ratios = round_ratios(results, num, den)
        if not ratios:
            lines.append(f"| {label} | – | – | ≥ {target} | – |")
            continue
        ratio = median(list(ratios.values()))
        each = ", ".join(f"{value:.2f}" for value in ratios.values())
        lines.append(f"| {label} | {ratio:.2f} | {each} | ≥ {target} | {'yes' if ratio >= target else '**no**'} |")
    lines.append("")
    return "\n".join(lines)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[1]
    facts, paths = [], []
    args = iter(argv[2:])
    for arg in args:
        if arg == "--fact":
            name, _, value = next(args).partition("=")
            facts.append((name, value))
        else:
            paths.append(arg)
    results = load(paths)
    if not results:
        print("no benchmark results found in " + ", ".join(paths), file=sys.stderr)
        return 1
    text = render(results, facts)
    with open(out, "w") as f:
        f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
