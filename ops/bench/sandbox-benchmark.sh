#!/usr/bin/env bash
# Issue 12's closing figures: the overhead the process sandbox (bubblewrap + pasta + cgroups) adds
# to a run's first event and to a shell keystroke round trip, median and p99, sandbox vs none,
# both apps side by side in one JVM with interleaved samples, the real claude CLI against a fake
# Messages API on loopback.
#   ops/bench/sandbox-benchmark.sh [work dir] [runs per mode] [keystrokes per mode]
# Needs a built tree (bootstrap/target/ccui.jar and the bootstrap and adapters-process test classes,
# e.g. ./mvnw -o -DskipWeb -pl bootstrap -am verify -DskipTests) and the pinned CLI
# (CCUI_TEST_CLAUDE_CLI, else $HOME/.cache/ccui/claude-cli/node_modules/.bin/claude).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/ccui-sandbox-bench}"
runs="${2:-20}"
keys="${3:-200}"
cd "$root"
. ops/bench/lib.sh
mkdir -p "$work"
"$JAVA_HOME/bin/java" -cp "$(bench_classpath "$root/bootstrap/target/ccui.jar")" \
  dev.ccui.bootstrap.bench.SandboxBenchmark "$work" "$runs" "$keys" 2>/dev/null | grep -v ' WARN \| INFO '

