#!/usr/bin/env bash
# Records the image's start-up AOT cache (JDK 25, JEP 514): starts the jar once on a throw-away
# data dir with -XX:AOTCacheOutput, waits for /api/health, stops it with SIGTERM (the JVM writes
# the cache as it exits) and checks the cache is there. Later starts use -XX:AOTCache=<cache> and
# load and link the app's classes from it instead of the jar. Run at image build time, as the user
# the image runs as; also usable on a host: ops/docker/aot-train.sh JAR CACHE [JAVA].
set -euo pipefail
jar="${1:?usage: aot-train.sh JAR CACHE [JAVA]}"
cache="${2:?usage: aot-train.sh JAR CACHE [JAVA]}"
java="${3:-java}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port=38417
mkdir -p "$work/home"
# A development start on loopback with its own home: no secret, database or workspace of the
# image's users is touched or recorded.
env -i PATH="$PATH" HOME="$work/home" CCUI_ENV=development CCUI_HOST=127.0.0.1 CCUI_PORT="$port" \
  CCUI_DATA_DIR="$work/data" CLAUDE_CONFIG_DIR="$work/home/.claude" CCUI_WORKSPACES_ROOT="$work/home" \
  "$java" --enable-native-access=ALL-UNNAMED -XX:+UseG1GC -XX:AOTCacheOutput="$cache" -jar "$jar" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health" 2>/dev/null; then break; fi
  kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; echo "aot-train: the app stopped before answering" >&2; exit 1; }
  sleep 0.1
done
# The first screens a user opens, so their classes are in the cache too.
for path in /api/health /api/auth/status /; do curl -fsS -o /dev/null "http://127.0.0.1:$port$path" || true; done
kill -TERM "$pid"
wait "$pid" || true
[ -s "$cache" ] || { cat "$work/log" >&2; echo "aot-train: no cache written at $cache" >&2; exit 1; }
echo "aot-train: wrote $cache ($(du -h "$cache" | cut -f1))"
