#!/usr/bin/env bash
# HTTP load test with wrk against a LOCAL Claude Code UI (loopback only, on purpose).
#
# usage: ops/load/http-load.sh URL [DURATION] [CONNECTIONS] [THREADS]
#   URL          http(s)://127.0.0.1:PORT/path or http(s)://localhost:PORT/path
#   DURATION     fixed test length, wrk syntax (default 30s)
#   CONNECTIONS  open connections (default 50)      THREADS  wrk threads (default 4)
# Extra headers: LOAD_HEADER='Authorization: Bearer ...' (never printed). A wrk Lua script (e.g.
# for POST bodies): WRK_SCRIPT=ops/load/post-api-key.lua.
#
# wrk comes from Debian:  apt-get install -y wrk
# Start the app with CCUI_RATE_LIMIT_PER_MINUTE=0, or you only measure the 429 path.
# Prints requests/s and latency percentiles (wrk --latency: 50/75/90/99%).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 4 ] || usage
case "$1" in -h|--help) usage ;; esac

url="$1"
duration="${2:-30s}"
connections="${3:-50}"
threads="${4:-4}"

# Host part of the URL: scheme://[userinfo@]host[:port]/...
if ! [[ "$url" =~ ^https?://([^/@]+@)?(\[[^]]+\]|[^/:?#]+)(:[0-9]+)?([/?#].*)?$ ]]; then
  echo "http-load.sh: '$url' is not an http(s) URL" >&2
  exit 2
fi
host="${BASH_REMATCH[2]}"
case "$host" in
  127.0.0.1|localhost) ;;
  *) echo "http-load.sh: refusing to load-test '$host': only 127.0.0.1 or localhost are allowed" >&2; exit 2 ;;
esac
[[ "$duration" =~ ^[0-9]+[smh]?$ ]] || { echo "http-load.sh: DURATION must look like 30s, 2m" >&2; exit 2; }
[[ "$connections" =~ ^[0-9]+$ && "$threads" =~ ^[0-9]+$ ]] || { echo "http-load.sh: CONNECTIONS and THREADS are numbers" >&2; exit 2; }
[ "$connections" -ge "$threads" ] || { echo "http-load.sh: CONNECTIONS must be >= THREADS" >&2; exit 2; }

command -v wrk >/dev/null || { echo "http-load.sh: wrk not found; install it with: apt-get install -y wrk" >&2; exit 1; }

args=(--threads "$threads" --connections "$connections" --duration "$duration" --timeout 10s --latency)
if [ -n "${LOAD_HEADER:-}" ]; then args+=(--header "$LOAD_HEADER"); fi
if [ -n "${WRK_SCRIPT:-}" ]; then args+=(--script "$WRK_SCRIPT"); fi

echo "load: $url for $duration, $connections connections, $threads threads"
out="$(wrk "${args[@]}" "$url")"
echo "$out"
echo "---- summary"
echo "$out" | awk '
  /Requests\/sec:/           { print "requests/s: " $2 }
  /Latency Distribution/     { dist = 1; next }
  dist && /^ +[0-9]+%/       { printf "p%s latency: %s\n", substr($1, 1, length($1) - 1), $2; next }
  dist                       { dist = 0 }
  /Non-2xx or 3xx responses/ { print "non-2xx/3xx responses: " $NF }
  /Socket errors/            { print "socket errors: " $0 }'
