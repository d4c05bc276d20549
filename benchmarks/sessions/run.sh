#!/usr/bin/env bash
# Runs the HTTP session benchmark: 64 users with cookies against one embedded Jetty 12.1, for Jetty's in-memory
# sessions, this library's session store and Spring Session Data Redis (RedisSessionRepository and the indexed
# one), each server in a JVM of its own with a throw-away redis-server of its own on a free loopback port; then
# prints a Markdown table (also written to ../results/sessions.md; quick mode: ../results/quick-sessions.md).
#
#   benchmarks/sessions/run.sh                  full run: 8 combinations x (60 s warm-up + 30 s measured), ~14 min
#   BENCH_QUICK=1 benchmarks/sessions/run.sh    smoke test: 1 s warm-up, 2 s measured, ~2 min, too short to compare
#
# Environment:
#   BENCH_VARIANTS    memory,redis_cdi,spring,spring_indexed (default: all)
#   BENCH_READS       user,user_and_profile (default: both)
#   BENCH_SERVER_JVM  JVM options of the server processes [-Xms1g -Xmx1g]
#   BENCH_REBUILD=1   rebuild the jar even if it looks up to date
#   BENCH_MVN_OPTS    extra Maven options for the build, e.g. -o
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RESULTS=$HERE/../results
JAR=$HERE/target/benchmarks.jar
read -r -a MVN_OPTS <<< "${BENCH_MVN_OPTS:-}"
log() { printf '[sessions/run.sh] %s\n' "$*" >&2; }

if [[ ${BENCH_QUICK:-0} == 1 ]]; then
  PREFIX=quick- TIMING=(-wi 1 -w 1s -i 1 -r 2s)
else
  PREFIX= TIMING=()
fi

if [[ ${BENCH_REBUILD:-0} == 1 || ! -f $JAR || -n $(find "$HERE/pom.xml" "$HERE/src" "$ROOT/session-store/src/main" "$ROOT/cdi-extension/src/main" \
      -newer "$JAR" -type f -print -quit) ]]; then
  log "building the benchmark jar (the library and the session store from their current sources)"
  mvn -B -q "${MVN_OPTS[@]}" -f "$ROOT/pom.xml" -pl benchmarks/sessions -am package -DskipTests
fi

OUT=$RESULTS/${PREFIX}sessions
rm -rf "$OUT"
mkdir -p "$OUT"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START=$(date +%s)
java -jar "$JAR" HttpSessions -p variant="${BENCH_VARIANTS:-memory,redis_cdi,spring,spring_indexed}" \
  -p reads="${BENCH_READS:-user,user_and_profile}" "${TIMING[@]}" -jvmArgsAppend "-Dbench.out=$OUT" \
  -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log" 2>&1 \
  || { tail -40 "$OUT/jmh.log" >&2; log "JMH failed, log in $OUT/jmh.log"; exit 1; }
ELAPSED=$(( $(date +%s) - START ))

CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
python3 "$HERE/report.py" "$RESULTS/${PREFIX}sessions.md" "$OUT" \
  --fact "date=$(date -u '+%Y-%m-%d %H:%M UTC')" \
  --fact "machine=$(nproc) cores (nproc), ${CPU:-unknown CPU}, $(free -g | awk '/^Mem:/ {print $2}') GiB; load average before the run: $LOAD_BEFORE, after it: $(cut -d' ' -f1-3 /proc/loadavg)" \
  --fact "redis-server=$(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p') (one per server, --save '' --appendonly no, loopback)" \
  --fact "java=$(java -version 2>&1 | grep -v '^NOTE: Picked up' | head -1); servers: ${BENCH_SERVER_JVM:--Xms1g -Xmx1g}" \
  --fact "run=$((ELAPSED / 60)) min $((ELAPSED % 60)) s; reproduce: benchmarks/sessions/run.sh"
cat "$RESULTS/${PREFIX}sessions.md"
