#!/usr/bin/env bash
# Authenticated read and write load with wrk against a Claude Code UI it starts itself: the built
# jar on a fresh SQLite data dir, on 127.0.0.1 only, rate limit off; stops it when done.
#
# usage: ops/load/api-load.sh [DURATION] [CONNECTIONS] [THREADS]
#   DURATION     per phase, wrk syntax (default 20s)   CONNECTIONS  default 50   THREADS  default 2
# Phases: GET /api/projects (reads), POST then DELETE /api/api-keys (writes, create and revoke). Prints wrk's figures and the
# summary lines of http-load.sh. Needs wrk (apt-get install -y wrk), curl and the jar
# (./ccui build). The app's data dir is a temp folder, removed at the end.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${1:-20s}"
connections="${2:-50}"
threads="${3:-2}"
jar="$root/bootstrap/target/ccui.jar"
[ -f "$jar" ] || { echo "api-load.sh: build the jar first (./ccui build)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "api-load.sh: wrk not found; apt-get install -y wrk" >&2; exit 1; }

work="$(mktemp -d)"
app=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

CCUI_DATA_DIR="$work/data" CCUI_PORT=0 CCUI_HOST=127.0.0.1 CCUI_RATE_LIMIT_PER_MINUTE=0 \
  CCUI_AUTH_RATE_LIMIT=1000/1m CCUI_BCRYPT_COST=4 CCUI_WORKSPACES_ROOT="$work" HOME="$work" \
  java -jar "$jar" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do
  port="$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/app.log" | head -1)"
  [ -n "$port" ] && break
  kill -0 "$app" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 1
done
[ -n "${port:-}" ] || { echo "api-load.sh: the app did not start" >&2; exit 1; }
url="http://127.0.0.1:$port"
token="$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"load test password 1"}' \
  "$url/api/auth/setup" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || { echo "api-load.sh: setup failed" >&2; exit 1; }
mkdir -p "$work/project"
curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"path\":\"$work/project\"}" "$url/api/projects" >/dev/null

echo "### reads: GET /api/projects"
LOAD_HEADER="Authorization: Bearer $token" "$here/http-load.sh" "$url/api/projects" "$duration" "$connections" "$threads"
# An account holds at most 50 keys and each connection may hold one between its create and revoke.
writers=$(( connections < 40 ? connections : 40 ))
echo "### writes: POST /api/api-keys then DELETE /api/api-keys/{id}, $writers connections"
LOAD_HEADER="Authorization: Bearer $token" WRK_SCRIPT="$here/api-key-create-revoke.lua" \
  "$here/http-load.sh" "$url/api/api-keys" "$duration" "$writers" "$threads"
left="$(curl -sf -H "Authorization: Bearer $token" "$url/api/api-keys" | grep -o '"id"' | wc -l)"
echo "### API keys left after the writes (each in-flight create at the end leaves one): $left"
echo "### app RSS after the load: $(awk '/VmRSS/ {print $2 " kB"}' /proc/$app/status)"
