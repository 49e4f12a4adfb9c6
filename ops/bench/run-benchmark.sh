#!/usr/bin/env bash
# The live-run benchmark (issue 4, "Performance"): runs the built jar on loopback (SQLite, rate
# limits off, bcrypt cost 4) with the real claude CLI pointed at a fake Messages API, and prints
# the CLI line → WebSocket frame overhead with 1 and 100 subscribers, 20 concurrent runs (all
# complete, no event lost, heap/RSS, wall time) and the memory of 2,000 idle subscribed sockets.
#   ops/bench/run-benchmark.sh [work dir] [concurrent runs] [idle sockets]
# Needs a built tree (bootstrap/target/ccui.jar and the bootstrap test classes) and the pinned CLI
# (CCUI_TEST_CLAUDE_CLI, else $HOME/.cache/ccui/claude-cli/node_modules/.bin/claude, as .ci/run installs it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/ccui-run-bench}"
concurrent="${2:-20}"
idle="${3:-2000}"
cli="${CCUI_TEST_CLAUDE_CLI:-$HOME/.cache/ccui/claude-cli/node_modules/.bin/claude}"
cd "$root"
. ops/bench/lib.sh
mkdir -p "$work"
rm -rf "$work/data" "$work/claude" "$work/home" "$work/tmp" "$work/work"
"$JAVA_HOME/bin/java" -Dccui.jar="$root/bootstrap/target/ccui.jar" \
  -cp "$(classpath_of bootstrap)" \
  dev.ccui.bootstrap.bench.RunBenchmark "$cli" "$work" "$concurrent" "$idle"
