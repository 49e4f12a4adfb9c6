#!/usr/bin/env bash
# The history index benchmark (issue 3): generates a realistic transcript corpus (default 2 GB in
# 10,000 sessions over 200 projects), then runs the built jar against it on loopback and prints
# cold index throughput, peak RSS, warm listing/search latency and append-to-notification delay.
#   ops/bench/index-benchmark.sh [work dir] [sessions] [bytes] [projects]
# Needs a built tree: the jar and the test classes (./mvnw -B -ntp -DskipTests package -pl bootstrap -am).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/ccui-index-bench}"
sessions="${2:-10000}"
bytes="${3:-2147483648}"
projects="${4:-200}"
cd "$root"
. ops/bench/lib.sh
mkdir -p "$work"
if [ ! -d "$work/claude/projects" ]; then
  echo "generating the corpus in $work/claude …"
  "$JAVA_HOME/bin/java" -cp "$(bench_classpath "$root/bootstrap/target/ccui.jar")" \
    dev.ccui.adapters.process.transcript.CorpusGenerator "$work/claude" "$projects" "$sessions" "$bytes" 42
fi
rm -rf "$work/data"
"$JAVA_HOME/bin/java" -Dccui.jar="$root/bootstrap/target/ccui.jar" \
  -cp "$(bench_classpath "$root/bootstrap/target/ccui.jar")" \
  dev.ccui.bootstrap.bench.IndexBenchmark "$work/claude" "$work"
