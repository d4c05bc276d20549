#!/usr/bin/env bash
# Runs the JMH benchmarks of this library's RedisClient, the raw Vert.x driver (pooled and on one shared
# connection), Jedis and Lettuce against ONE throw-away redis-server on a free loopback port, then prints a
# Markdown table (also written to results/latest.md; quick mode: results/quick-table.md).
#
#   benchmarks/run.sh                  full run (about 17 minutes on 2 cores: 20 benchmarks x 3 rounds)
#   BENCH_QUICK=1 benchmarks/run.sh    smoke test: 1 round, 1 warm-up, 2 short iterations (about 2 minutes)
#
# The benchmarks run in rounds: each round runs one fork of every benchmark of both jars, in an order of its own
# (shuffled, the same for a given round number, never the previous round's), so that a noisy spell of the machine falls on different clients
# in each round. The ratios are the median of the ratios of the rounds.
#
# Environment (defaults in brackets, quick mode's second):
#   BENCH_ROUNDS [3|1]  BENCH_WARMUP_ITERATIONS [2|1]  BENCH_WARMUP_TIME [2s|1s]
#   BENCH_ITERATIONS [4|2]  BENCH_TIME [2s|1s]   (many short iterations: the table shows their median)
#   BENCH_FILTER     JMH regexp of the benchmarks to run, e.g. 'SingleGet|Batch100' [all]
#   BENCH_JVM_ARGS   JVM options of the forked benchmark JVMs [-Xms1g -Xmx1g]
#   BENCH_REBUILD=1  rebuild the jars even if they look up to date
#   BENCH_MVN_OPTS   extra Maven options for the build, e.g. -o
#   REDIS_SERVER     the redis-server binary [redis-server from PATH]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
RESULTS=$HERE/results
VERTX_JAR=$HERE/vertx/target/benchmarks.jar
LETTUCE_JAR=$HERE/lettuce/target/benchmarks.jar

if [[ ${BENCH_QUICK:-0} == 1 ]]; then
  PREFIX=quick-  # a smoke test never replaces the table of a full run
  ROUNDS=${BENCH_ROUNDS:-1} WI=${BENCH_WARMUP_ITERATIONS:-1} WT=${BENCH_WARMUP_TIME:-1s}
  MI=${BENCH_ITERATIONS:-2} MT=${BENCH_TIME:-1s}
else
  PREFIX=
  ROUNDS=${BENCH_ROUNDS:-3} WI=${BENCH_WARMUP_ITERATIONS:-2} WT=${BENCH_WARMUP_TIME:-2s}
  MI=${BENCH_ITERATIONS:-4} MT=${BENCH_TIME:-2s}
fi
FILTER=${BENCH_FILTER:-.}
JVM_ARGS=${BENCH_JVM_ARGS:--Xms1g -Xmx1g}
REDIS_SERVER=${REDIS_SERVER:-redis-server}
read -r -a MVN_OPTS <<< "${BENCH_MVN_OPTS:-}"

log() { printf '[run.sh] %s\n' "$*" >&2; }

# --- build -----------------------------------------------------------------------------------------------
needs_build() {
  [[ ${BENCH_REBUILD:-0} == 1 || ! -f $VERTX_JAR || ! -f $LETTUCE_JAR ]] && return 0
  local newer
  newer=$(find "$HERE/pom.xml" "$HERE/vertx/pom.xml" "$HERE/vertx/src" "$HERE/lettuce/pom.xml" "$HERE/lettuce/src" \
    "$ROOT/pom.xml" "$ROOT/cdi-extension/pom.xml" "$ROOT/cdi-extension/src/main" \
    -newer "$VERTX_JAR" -type f -print -quit 2>/dev/null || true)
  [[ -n $newer ]] || [[ -n $(find "$HERE/lettuce/src" "$HERE/lettuce/pom.xml" -newer "$LETTUCE_JAR" -type f -print -quit) ]]
}

if needs_build; then
  log "building the benchmark jars (the library from its current sources)"
  if grep -q '<module>benchmarks</module>' "$ROOT/pom.xml"; then
    mvn -B -q "${MVN_OPTS[@]}" -f "$ROOT/pom.xml" -pl benchmarks/vertx,benchmarks/lettuce -am package -DskipTests
  else
    # the parent does not list this module: install the library, then build the benchmarks on their own
    mvn -B -q "${MVN_OPTS[@]}" -f "$ROOT/cdi-extension/pom.xml" install -DskipTests
    mvn -B -q "${MVN_OPTS[@]}" -f "$HERE/pom.xml" package
  fi
fi

# --- redis-server ----------------------------------------------------------------------------------------
free_port() {
  python3 - <<'EOF'
import socket
while True:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    if port != 6379:
        print(port)
        break
EOF
}

mkdir -p "$RESULTS"
PORT=$(free_port)
REDIS_PID=
cleanup() {
  if [[ -n $REDIS_PID ]] && kill -0 "$REDIS_PID" 2>/dev/null; then
    log "stopping redis-server (pid $REDIS_PID)"
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$REDIS_SERVER" --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
  --logfile "$RESULTS/redis.log" &
REDIS_PID=$!

ping_redis() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$PORT" || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3<&- 3>&-
  [[ $reply == +PONG* ]]
}
for _ in $(seq 1 50); do
  if ping_redis 2>/dev/null; then break; fi
  kill -0 "$REDIS_PID" 2>/dev/null || { log "redis-server exited; see $RESULTS/redis.log"; exit 1; }
  sleep 0.2
done
ping_redis 2>/dev/null || { log "redis-server on port $PORT does not answer"; exit 1; }
REDIS_VERSION=$("$REDIS_SERVER" --version | sed -n 's/.* v=\([^ ]*\).*/\1/p')
log "redis-server $REDIS_VERSION on 127.0.0.1:$PORT (pid $REDIS_PID)"

# --- benchmarks ------------------------------------------------------------------------------------------
export BENCH_REDIS_PORT=$PORT
JSONS=()
RUNS=$RESULTS/${PREFIX}runs
rm -rf "$RUNS" && mkdir -p "$RUNS"  # a table never mixes in rounds of an earlier run
# every benchmark of both jars, as "jar benchmark"
BENCHMARKS=()
for jar in "$VERTX_JAR" "$LETTUCE_JAR"; do
  while read -r benchmark; do
    BENCHMARKS+=("$jar $benchmark")
  done < <(java -jar "$jar" -l "$FILTER" | grep '^dev\.' || true)
done
[[ ${#BENCHMARKS[@]} -gt 0 ]] || { log "no benchmark matches '$FILTER'"; exit 1; }
log "${#BENCHMARKS[@]} benchmarks x $ROUNDS rounds, each run: 1 fork, warm-up $WI x $WT, measurement $MI x $MT"

run_one() {
  local round=$1 jar=$2 benchmark=$3
  local out=$RUNS/${benchmark##*.bench.}-round$round
  java -jar "$jar" "^${benchmark//./\\.}\$" -f 1 -wi "$WI" -w "$WT" -i "$MI" -r "$MT" -jvmArgsAppend "$JVM_ARGS" \
    -prof dev.rediscdi.bench.CpuPerOp -rf json -rff "$out.json" < /dev/null > "$out.log" 2>&1 \
    || { tail -40 "$out.log" >&2; log "$benchmark: JMH failed, log in $out.log"; exit 1; }
  grep -E '^[A-Za-z0-9]+\.[A-Za-z0-9]+ +thrpt' "$out.log" | sed "s/^/[round $round] /" >&2 || true
  JSONS+=("$out.json")
}
# prints the lines of stdin in the order of round argv[1]: each round's order shuffled, and never the previous one's
ORDER_OF_ROUND='
import random, sys
lines, orders = sys.stdin.read().splitlines(), []
for round_number in range(1, int(sys.argv[1]) + 1):
    order = list(lines)
    for attempt in range(20):
        random.Random(round_number * 100 + attempt).shuffle(order)
        if len(lines) < 2 or not orders or order != orders[-1]:
            break
    orders.append(order)
print("\n".join(orders[-1]))
'
START=$(date +%s)
for round in $(seq 1 "$ROUNDS"); do
  # a new order each round (the same for a given round number): a benchmark that met a slow spell of the machine
  # in one round has other neighbours in the next
  while read -r jar benchmark; do
    run_one "$round" "$jar" "$benchmark"
  done < <(printf '%s\n' "${BENCHMARKS[@]}" | python3 -c "$ORDER_OF_ROUND" "$round")
done
ELAPSED=$(( $(date +%s) - START ))

# --- table -----------------------------------------------------------------------------------------------
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
JAVA_VERSION=$(java -version 2>&1 | head -1)
python3 "$HERE/report.py" "$RESULTS/${PREFIX:-latest}${PREFIX:+table}.md" \
  --fact "date=$(date -u '+%Y-%m-%d %H:%M UTC')" \
  --fact "machine=$(nproc) cores (nproc), ${CPU:-unknown CPU}, $(free -g | awk '/^Mem:/ {print $2}') GiB" \
  --fact "redis-server=$REDIS_VERSION (--save '' --appendonly no, loopback)" \
  --fact "java=$JAVA_VERSION, forked JVMs: $JVM_ARGS" \
  --fact "JMH=$ROUNDS rounds of 1 fork each, warm-up $WI x $WT, measurement $MI x $MT, filter '$FILTER', $((ELAPSED / 60)) min $((ELAPSED % 60)) s" \
  "${JSONS[@]}"
