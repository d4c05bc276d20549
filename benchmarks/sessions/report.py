#!/usr/bin/env python3
"""Turns one run of the HTTP session benchmark into a Markdown table.

Usage: report.py OUT.md RESULT_DIR [--fact NAME=VALUE ...]

RESULT_DIR holds jmh.json (JMH, SampleTime: the p99 latency) and sessions-<variant>-<reads>.json (one value per
measurement iteration of requests/s, server CPU per request, Redis commands and Redis CPU per request, as the
benchmark measured them). Every figure is the median of the iterations; min-max shows the noise.
"""
import glob
import json
import os
import statistics
import sys

VARIANTS = [
    ("memory", "Jetty 12.1 in-memory sessions"),
    ("redis_cdi", "this store (redis-cdi-session-store)"),
    ("spring", "Spring Session Data Redis 4.1, RedisSessionRepository"),
    ("spring_indexed", "Spring Session Data Redis 4.1, RedisIndexedSessionRepository"),
]
READS = [
    ("user", "Every request reads the user's name (a String); every tenth also sets a counter"),
    ("user_and_profile", "Every request also reads a profile (a small mutable object); every tenth also sets a counter"),
]


def load(directory):
    side = {}
    for path in glob.glob(os.path.join(directory, "sessions-*.json")):
        with open(path) as f:
            entry = json.load(f)
        side[(entry["variant"], entry["reads"])] = entry
    p99 = {}
    try:
        with open(os.path.join(directory, "jmh.json")) as f:
            for run in json.load(f):
                params = run.get("params", {})
                percentiles = run["primaryMetric"].get("scorePercentiles", {})
                if "99.0" in percentiles:
                    p99[(params.get("variant"), params.get("reads"))] = percentiles["99.0"] / 1000.0  # us -> ms
    except (OSError, ValueError) as e:
        print(f"warning: no JMH results: {e}", file=sys.stderr)
    return side, p99


def med(values):
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def spread(values, digits=0):
    if not values:
        return "–"
    return f"{fmt(min(values), digits)}–{fmt(max(values), digits)}"


def render(side, p99, facts):
    lines = ["# HTTP sessions: 64 users on one embedded Jetty 12.1", ""]
    for name, value in facts:
        lines.append(f"- **{name}**: {value}")
    lines += ["", "Medians of 3 measured iterations of 10 s after 6 of warm-up (min–max: the noise of this shared machine). "
              "Server CPU: the server JVM's process CPU time per request (GC and JIT included); the load generator and "
              "Redis run in processes of their own. Redis commands: round trips (commands sent by clients; a script's "
              "inner commands are not counted).", ""]
    for reads, title in READS:
        rows = [(v, label) for v, label in VARIANTS if (v, reads) in side]
        if not rows:
            continue
        lines += [f"## {title}", "",
                  "| sessions | requests/s | min–max | p99 latency (ms) | server CPU µs/request | min–max | Redis commands/request | Redis CPU µs/request |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for v, label in rows:
            e = side[(v, reads)]
            lines.append(f"| {label} | {fmt(med(e['requests_per_second']))} | {spread(e['requests_per_second'])} | "
                         f"{fmt(p99.get((v, reads)), 1)} | {fmt(med(e['server_cpu_us_per_request']))} | {spread(e['server_cpu_us_per_request'])} | "
                         f"{fmt(med(e['redis_commands_per_request']), 2)} | {fmt(med(e['redis_cpu_us_per_request']), 1)} |")
        lines.append("")
        ratio_rows = []
        for other, label, target in [("memory", "in-memory", 0.7), ("spring", "Spring Session (RedisSessionRepository)", 4.0),
                                     ("spring_indexed", "Spring Session (indexed)", None)]:
            if ("redis_cdi", reads) in side and (other, reads) in side:
                ours = med(side[("redis_cdi", reads)]["requests_per_second"])
                theirs = med(side[(other, reads)]["requests_per_second"])
                cpu_ours = med(side[("redis_cdi", reads)]["server_cpu_us_per_request"])
                cpu_theirs = med(side[(other, reads)]["server_cpu_us_per_request"])
                met = "–" if target is None else ("yes" if ours / theirs >= target else "**no**")
                ratio_rows.append(f"| this store / {label} | {ours / theirs:.2f} | {'–' if target is None else f'≥ {target}'} | {met} | {cpu_ours / cpu_theirs:.2f} |")
        if ratio_rows:
            lines += ["| throughput ratio | value | target | met | server CPU per request, ratio |", "|---|---:|---:|:---:|---:|"] + ratio_rows + [""]
    return "\n".join(lines)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out, directory = argv[1], argv[2]
    facts = []
    args = iter(argv[3:])
    for arg in args:
        if arg == "--fact":
            name, _, value = next(args).partition("=")
            facts.append((name, value))
    side, p99 = load(directory)
    if not side:
        print(f"no results in {directory}", file=sys.stderr)
        return 1
    with open(out, "w") as f:
        f.write(render(side, p99, facts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
