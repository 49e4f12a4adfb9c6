#!/usr/bin/env bash
# The browser benchmark of the UI: runs the built jar on loopback (SQLite, rate limits off, bcrypt
# cost 4) against a generated session of 2,000 messages, drives Debian's Chromium through
# playwright-core (web/perf/ui-benchmark.mjs) and prints (a) the JS/CSS of the first load and the
# lazy chunks, (b) navigation → DOMContentLoaded → first project link painted, cold and warm,
# (c) opening the session and scrolling through all of it (heap, DOM, long tasks, frame times) and
# (d) a live run of 10,000 deltas through the real claude CLI and a fake Messages API (skipped
# when the UI has no live chat yet), (e) a slow device: the CPU throttled 4× (THROTTLE), 40 wheel
# steps up and down the 2,000-message session and switching between it and 4 more sessions.
#   ops/bench/ui-benchmark.sh [work dir] [parts, default abcde]
# Environment: MESSAGES (2000), DELTAS (10000), LOADS (5), CCUI_JAR (bootstrap/target/ccui.jar),
# CHROMIUM (/usr/bin/chromium), CCUI_TEST_CLAUDE_CLI (else where .ci/run installs the pinned CLI).
# Needs a built tree (the jar and the bootstrap test classes: ./mvnw -DskipTests package -pl
# bootstrap -am) and web/node_modules (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci in web/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/ccui-ui-bench}"
parts="${2:-abcde}"
jar="${CCUI_JAR:-$root/bootstrap/target/ccui.jar}"
cli="${CCUI_TEST_CLAUDE_CLI:-$HOME/.cache/ccui/claude-cli/node_modules/.bin/claude}"
cd "$root"
. ops/bench/lib.sh
if [ ! -r "$jar" ]; then
  echo "no jar at $jar (./mvnw -DskipTests package -pl bootstrap -am)" >&2; exit 2
fi
if [ ! -d web/node_modules/playwright-core ]; then
  echo "no web/node_modules/playwright-core (cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci)" >&2; exit 2
fi
if [ ! -x "$cli" ]; then
  echo "no claude CLI at $cli: the live run (d) will be skipped" >&2; cli=""
fi
# The fake Messages API is benchmark code (bootstrap test classes); the jar is shaded and brings Jackson.
bench_cp=""
if [ -r bootstrap/target/test-classes/dev/ccui/bootstrap/bench/UiBenchmarkApi.class ]; then
  bench_cp="$root/bootstrap/target/test-classes:$jar"
else
  echo "no bootstrap test classes: the live run (d) will be skipped" >&2
fi
mkdir -p "$work"

node_pid=""
cleanup() {
  set +e
  if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
    kill -TERM "$node_pid"   # it stops the app and the fake API itself
    wait "$node_pid"
  fi
  # Whatever the node script started and could not stop (it writes their pids here).
  if [ -f "$work/pids" ]; then
    while read -r pid; do
      if [ -n "$pid" ] && grep -qa -e 'ccui' -e 'UiBenchmarkApi' "/proc/$pid/cmdline" 2>/dev/null; then
        echo "killing leftover process $pid" >&2
        kill -KILL "$pid"
      fi
    done < "$work/pids"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

CCUI_JAR="$jar" JAVA="$JAVA_HOME/bin/java" BENCH_CP="$bench_cp" CLAUDE_CLI="$cli" WORK="$work" PARTS="$parts" \
  CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" node web/perf/ui-benchmark.mjs &
node_pid=$!
wait "$node_pid"
