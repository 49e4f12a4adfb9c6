#!/usr/bin/env bash
# Issue 14's benchmark: ours (on SQLite and on PostgreSQL) and the reference UI (claudecodeui
# 1.12.0) side by side on the same generated corpora, cold and warm, single client and under wrk;
# prints the Markdown table with ratios and goals, and the machine load next to every figure.
#   ops/bench/side-by-side.sh [quick|full] [work dir]
# quick: one small corpus (120 sessions, ~20 MB), short wrk runs; a few minutes, a smoke check.
# full:  1,200 sessions in 8 projects (~227 MB, ~185 KB each) and 10,000 sessions in 200 projects
#        (~2.27 GB, the issue 3 corpus), wrk 4 s warm-up then 8 s; about an hour on 2 cores.
# Environment (all optional):
#   TARGETS        ours-sqlite,ours-postgres,reference (any subset, in that order)
#   CORPORA        names from the mode's list to run (default all of them)
#   PG_URL         PostgreSQL server for ours-postgres (postgresql://postgres@127.0.0.1:5432); a fresh
#                  database per run, dropped afterwards
#   REFERENCE_DIR  where the reference UI is installed ($HOME/.cache/ccui/reference-ui, installed once when missing)
#   CCUI_JAR       the jar (bootstrap/target/ccui.jar); CCUI_JAVA_OPTS: extra JVM flags for it (what ./ccui adds)
#   JFR            1: record the listing under wrk with JFR (ours on SQLite, first corpus) and print its
#                  hottest frames (default 1 in full mode, 0 in quick mode)
#   WRK_WARMUP, WRK_SECONDS, SETTLE, REQUESTS, APPENDS: override the mode's durations and counts
# Needs a built tree: the jar and the test classes (./mvnw -B -ntp -DskipTests package -pl bootstrap -am).
# Everything listens on and targets 127.0.0.1 only; every process it starts is stopped at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mode="${1:-quick}"
work="${2:-/tmp/ccui-side-by-side}"
cd "$root"
. ops/bench/lib.sh

case "$mode" in
  quick)
    corpora_all="small"
    : "${WRK_WARMUP:=1}" "${WRK_SECONDS:=3}" "${SETTLE:=2}" "${REQUESTS:=60}" "${APPENDS:=5}" "${JFR:=0}" ;;
  full)
    corpora_all="c1200 c10k"
    : "${WRK_WARMUP:=4}" "${WRK_SECONDS:=8}" "${SETTLE:=10}" "${REQUESTS:=300}" "${APPENDS:=30}" "${JFR:=1}" ;;
  *) echo "usage: $0 [quick|full] [work dir]" >&2; exit 2 ;;
esac
corpora="${CORPORA:-$corpora_all}"
targets="${TARGETS:-ours-sqlite,ours-postgres,reference}"
pg_url="${PG_URL:-postgresql://postgres@127.0.0.1:5432}"
reference_dir="${REFERENCE_DIR:-$HOME/.cache/ccui/reference-ui}"
preload="$root/ops/bench/force-loopback.cjs"
jar="${CCUI_JAR:-$root/bootstrap/target/ccui.jar}"

# name → "projects sessions bytes shape"
corpus_spec() {
  case "$1" in
    small) echo "8 120 19000000 even" ;;
    c1200) echo "8 1200 213000000 even" ;;
    c10k)  echo "200 10000 2147483648 mixed" ;;
    *) echo "unknown corpus $1" >&2; exit 2 ;;
  esac
}

case "$pg_url" in
  postgresql://*@127.0.0.1:*|postgresql://127.0.0.1:*) ;;
  *) echo "PG_URL must point at 127.0.0.1: $pg_url" >&2; exit 2 ;;
esac

# One statement on the PostgreSQL server's maintenance database, quietly.
pg() {
  PGOPTIONS="-c client_min_messages=warning" psql "$pg_url/postgres" -qAtc "$1" >/dev/null
}

# --- what must be there -------------------------------------------------------------------------
[ -r "$jar" ] || { echo "no jar at $jar (./mvnw -B -ntp -DskipTests package -pl bootstrap -am)" >&2; exit 2; }
for class in bootstrap/target/test-classes/dev/ccui/bootstrap/bench/SideBySideBenchmark.class \
    adapters-process/target/test-classes/dev/ccui/adapters/process/transcript/CorpusGenerator.class; do
  [ -r "$class" ] || { echo "no $class (./mvnw -B -ntp -DskipTests package -pl bootstrap -am)" >&2; exit 2; }
done
# wrk for the load runs, vmtouch to drop the corpus from the page cache before cold starts.
for tool in wrk vmtouch; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing Debian's $tool"
    if [ "$(id -u)" -eq 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
    else
      sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
    fi
  fi
done
if [[ ",$targets," == *",reference,"* ]]; then
  command -v node >/dev/null || { echo "the reference UI needs node on the PATH" >&2; exit 2; }
  if [ ! -r "$reference_dir/node_modules/@siteboon/claude-code-ui/server/cli.js" ]; then
    echo "installing the reference UI (claudecodeui 1.12.0) into $reference_dir, once (node-gyp builds take minutes)"
    npm install --prefix "$reference_dir" --no-audit --no-fund @siteboon/claude-code-ui@1.12.0 >"$work.reference-install.log" 2>&1 \
      || { echo "npm install failed, see $work.reference-install.log" >&2; exit 1; }
  fi
fi
if [[ ",$targets," == *",ours-postgres,"* ]]; then
  command -v psql >/dev/null || { echo "ours-postgres needs psql" >&2; exit 2; }
  pg 'select 1' || { echo "no PostgreSQL at $pg_url" >&2; exit 2; }
fi
cli="${CCUI_TEST_CLAUDE_CLI:-$HOME/.cache/ccui/claude-cli/node_modules/.bin/claude}"
[ -x "$cli" ] || cli=/nonexistent

mkdir -p "$work/corpora" "$work/runs"
# Everything printed also lands in the work dir (the JFR summary, the per-figure load).
exec > >(tee "$work/output.log") 2>&1
results="$work/results.jsonl"
loadlog="$work/load.log"
pids="$work/pids"
: >"$results"; : >"$loadlog"; : >"$pids"
cp_bench="$(bench_classpath "$jar")"
driver_java=("$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "$cp_bench")

# --- cleanup: the driver, whatever it started, the databases made for the run -----------------
driver_pid=""
databases=()
cleanup() {
  set +e
  if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
    kill -TERM "$driver_pid"   # its shutdown hook stops the app it runs
    wait "$driver_pid"
  fi
  if [ -s "$pids" ]; then
    while read -r pid; do
      if [ -n "$pid" ] && grep -qa -e 'ccui.jar' -e 'force-loopback.cjs' "/proc/$pid/cmdline" 2>/dev/null; then
        echo "stopping leftover process $pid" >&2
        kill -TERM "$pid"; sleep 2; kill -KILL "$pid" 2>/dev/null
      fi
    done <"$pids"
  fi
  for db in "${databases[@]}"; do
    pg "drop database if exists \"$db\" with (force)"
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

note_load() {
  echo "$(date -u +%FT%TZ) $1: $(cat /proc/loadavg) |$(uptime)" | tee -a "$loadlog"
}

# --- corpora -------------------------------------------------------------------------------------
generate() {
  local name="$1" spec dir projects sessions bytes shape
  spec="$(corpus_spec "$name")"
  read -r projects sessions bytes shape <<<"$spec"
  dir="$work/corpora/$name"
  if [ "$(cat "$dir/spec" 2>/dev/null)" != "$spec" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    echo "generating corpus $name ($spec) in $dir"
    "$JAVA_HOME/bin/java" -cp "$cp_bench" dev.ccui.adapters.process.transcript.CorpusGenerator "$dir/.claude" \
      "$projects" "$sessions" "$bytes" 42 "$shape"
    echo "$spec" >"$dir/spec"
  fi
}

# --- ours started as ./ccui starts it ----------------------------------------------------------
# The launcher's server flags, and on JDK 25+ its AOT cache: one training start and stop of the jar
# (the cache is written when it stops), then every measured start uses it, as users' starts do.
# CCUI_START_CACHE=off: no cache (the launcher's own switch).
ours_java_opts() {
  local opts="-XX:+UseG1GC -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:GCTimeRatio=4 -XX:G1PeriodicGCInterval=60000 -Xss512k -XX:TrimNativeHeapInterval=5000" cache major train
  major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")"
  if [ "${CCUI_START_CACHE:-on}" != off ] && [ "$major" -ge 25 ]; then
    cache="$work/ccui-$(stat -c '%s-%Y' "$jar").aot"
    if [ ! -s "$cache" ]; then
      train="$work/aot-training"; rm -rf "$train"
      # A user's first start indexes their transcripts and opens the first screens while it
      # records: so does this one (the image's own training, ops/docker/aot-train.sh), on a small
      # corpus of the benchmark's shape (the index's code is then in the cache, profiled).
      "$JAVA_HOME/bin/java" -cp "$cp_bench" dev.ccui.adapters.process.transcript.CorpusGenerator "$train/claude" \
        2 40 8000000 7 even >/dev/null
      echo "recording the start-up cache (one training start, index, first screens and stop) into $cache" >&2
      # shellcheck disable=SC2086 # the flags are words
      AOT_TRAIN_CLAUDE_DIR="$train/claude" AOT_TRAIN_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')" \
        "$root/ops/docker/aot-train.sh" "$jar" "$cache" "$JAVA_HOME/bin/java" $opts >&2 || true
    fi
    [ -s "$cache" ] && opts="$opts -XX:AOTCache=$cache"
  fi
  echo "$opts"
}

# --- one app on one corpus -----------------------------------------------------------------------
run_target() {
  local corpus="$1" target="$2" jfr="$3" run="$work/runs/$1-$2" kind=ours db="" url=""
  rm -rf "$run"; mkdir -p "$run"
  case "$target" in
    reference) kind=reference ;;
    ours-postgres)
      db="ccui_bench_$$_${corpus}"
      pg "drop database if exists \"$db\" with (force)"
      pg "create database \"$db\""
      databases+=("$db")
      url="$pg_url/$db" ;;
  esac
  note_load "before $corpus $target"
  "${driver_java[@]}" \
    -Dbench.jar="$jar" -Dbench.javaOpts="$ours_opts ${CCUI_JAVA_OPTS:-}" -Dbench.databaseUrl="$url" -Dbench.databaseMarker="$db" \
    -Dbench.claudeCli="$cli" -Dbench.reference.dir="$reference_dir" -Dbench.reference.preload="$preload" \
    -Dbench.wrk.script="$root/ops/bench/wrk-status.lua" -Dbench.wrk.warmup="$WRK_WARMUP" -Dbench.wrk.seconds="$WRK_SECONDS" \
    -Dbench.settle="$SETTLE" -Dbench.requests="$REQUESTS" -Dbench.appends="$APPENDS" -Dbench.pids="$pids" \
    -Dbench.jfr="$jfr" \
    dev.ccui.bootstrap.bench.SideBySideBenchmark "$kind" "$corpus" "$work/corpora/$corpus/.claude" "$run" "$results" &
  driver_pid=$!
  local rc=0
  wait "$driver_pid" || rc=$?
  driver_pid=""
  note_load "after $corpus $target"
  if [ -n "$db" ]; then
    pg "drop database if exists \"$db\" with (force)"
  fi
  if [ "$rc" -ne 0 ]; then
    echo "!! $target on $corpus failed ($rc); logs in $run" >&2
    tail -n 20 "$run"/*.log >&2 || true
  fi
}

echo "side-by-side benchmark, $mode mode, in $work: $(nproc) CPUs, $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)," \
  "node $(node --version 2>/dev/null || echo none), targets $targets"
note_load "start"
ours_opts=""
if [[ "$targets" == *ours* ]]; then ours_opts="$(ours_java_opts)"; echo "ours runs with: $ours_opts"; fi
first=1
for corpus in $corpora; do
  generate "$corpus"
  for target in ${targets//,/ }; do
    jfr=""
    if [ "$JFR" = 1 ] && [ "$target" = ours-sqlite ] && [ "$first" = 1 ]; then jfr="$work/listing-$corpus.jfr"; fi
    run_target "$corpus" "$target" "$jfr"
  done
  first=0
done
note_load "end"

"${driver_java[@]}" dev.ccui.bootstrap.bench.ComparisonTable "$results" | tee "$work/table.md"
echo
echo "machine load around each run (/proc/loadavg | uptime):"
cat "$loadlog"
echo "results: $results, table: $work/table.md, all output: $work/output.log, app logs: $work/runs/"
