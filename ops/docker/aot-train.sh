#!/usr/bin/env bash
# Records the start-up AOT cache (JDK 25, JEP 514/515) the way a user's first run does: starts the
# jar once on a throw-away data dir and a few small transcripts with -XX:AOTCacheOutput, signs up,
# opens the first screens (projects, a project's sessions, a session's messages, search), waits
# until those transcripts are indexed, stops it with SIGTERM (the JVM writes the cache as it exits)
# and checks the cache is there. Later starts use -XX:AOTCache=<cache>: the classes of the start,
# the index and those screens come loaded, linked and profiled from it instead of the jar. Run at
# image build time, as the user the image runs as, and by the benchmark (ops/bench/side-by-side.sh);
# also usable on a host: ops/docker/aot-train.sh JAR CACHE [JAVA [JVM flags…]]. AOT_TRAIN_CLAUDE_DIR:
# a Claude config dir (projects/…) to index instead of the four small sessions written here;
# AOT_TRAIN_PORT: the loopback port it listens on (38417), which must be free.
set -euo pipefail
jar="${1:?usage: aot-train.sh JAR CACHE [JAVA [JVM flags…]]}"
cache="${2:?usage: aot-train.sh JAR CACHE [JAVA [JVM flags…]]}"
java="${3:-java}"
shift $(($# < 3 ? $# : 3))
flags=("$@")
[ ${#flags[@]} -gt 0 ] || flags=(-XX:+UseG1GC)
work="$(mktemp -d)"
pid=""
# The training server never outlives the script, even when it is interrupted.
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
port="${AOT_TRAIN_PORT:-38417}"
base="http://127.0.0.1:$port"

# Two projects of two sessions each, in the shape the CLI writes (a prompt, an answer with a tool
# call and its usage, the tool's result), so the index's reading and writing code runs too.
session_lines() { # session id, project folder, prompt
  local id="$1" cwd="$2" text="$3" at="2026-01-14T16:16:5"
  printf '{"type":"summary","summary":"%s","leafUuid":"%s-3"}\n' "$text" "$id"
  printf '{"parentUuid":null,"isSidechain":false,"type":"user","message":{"role":"user","content":[{"type":"text","text":"%s"}]},"uuid":"%s-1","timestamp":"%s1.000Z","cwd":"%s","sessionId":"%s","version":"2.1.328"}\n' \
    "$text" "$id" "$at" "$cwd" "$id"
  printf '{"parentUuid":"%s-1","isSidechain":false,"type":"assistant","message":{"id":"msg_%s","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Reading it."},{"type":"tool_use","id":"toolu_%s","name":"Read","input":{"file_path":"%s/README.md"}}],"usage":{"input_tokens":120,"output_tokens":40,"cache_read_input_tokens":300}},"uuid":"%s-2","timestamp":"%s2.000Z","cwd":"%s","sessionId":"%s","version":"2.1.328"}\n' \
    "$id" "${id//-/}" "${id//-/}" "$cwd" "$id" "$at" "$cwd" "$id"
  printf '{"parentUuid":"%s-2","isSidechain":false,"type":"user","message":{"role":"user","content":[{"tool_use_id":"toolu_%s","type":"tool_result","content":"# %s"}]},"uuid":"%s-3","timestamp":"%s3.000Z","cwd":"%s","sessionId":"%s","version":"2.1.328"}\n' \
    "$id" "${id//-/}" "$text" "$id" "$at" "$cwd" "$id"
}
claude_dir="${AOT_TRAIN_CLAUDE_DIR:-$work/home/.claude}"
n=0
[ -n "${AOT_TRAIN_CLAUDE_DIR:-}" ] || for project in alpha beta; do
  cwd="$work/home/$project"
  folder="$work/home/.claude/projects/${cwd//[^a-zA-Z0-9]/-}"
  mkdir -p "$cwd" "$folder"
  for _ in 1 2; do
    n=$((n + 1))
    id="0000000$n-aaaa-4bbb-8ccc-00000000000$n"
    session_lines "$id" "$cwd" "train the start-up cache $project $n" >"$folder/$id.jsonl"
  done
done

# Something already answering on the port would be trained (and signed up) instead.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "aot-train: port $port is taken; set AOT_TRAIN_PORT to a free one" >&2
  exit 1
fi
# A development start on loopback with its own home: no secret, database or workspace of the
# image's users is touched or recorded.
env -i PATH="$PATH" HOME="$work/home" CCUI_ENV=development CCUI_HOST=127.0.0.1 CCUI_PORT="$port" \
  CCUI_DATA_DIR="$work/data" CLAUDE_CONFIG_DIR="$claude_dir" CCUI_WORKSPACES_ROOT="$work/home" \
  "$java" --enable-native-access=ALL-UNNAMED "${flags[@]}" -XX:AOTCacheOutput="$cache" -jar "$jar" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if curl -fsS -o /dev/null "$base/api/health" 2>/dev/null; then break; fi
  kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; echo "aot-train: the app stopped before answering" >&2; exit 1; }
  sleep 0.1
done
# The first screens a user opens, so their classes are in the cache too.
for path in /api/health /api/auth/status /; do curl -fs -o /dev/null "$base$path" || true; done
token="$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"admin","password":"aot training only"}' \
  "$base/api/auth/setup" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')" || token=""
if [ -n "$token" ]; then
  auth=(-H "Authorization: Bearer $token")
  for _ in $(seq 1 300); do
    curl -fsS "${auth[@]}" "$base/api/health" 2>/dev/null | grep -q '"state":"watching"' && break
    sleep 0.1
  done
  project="$(curl -fsS "${auth[@]}" "$base/api/projects" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)" || project=""
  for path in "/api/projects/$project/sessions" /api/sessions/00000001-aaaa-4bbb-8ccc-000000000001/messages \
    "/api/search?q=cache" /api/auth/me /api/projects; do
    curl -fs -o /dev/null "${auth[@]}" "$base$path" || true
  done
fi
kill -TERM "$pid"
wait "$pid" || true
pid=""
[ -s "$cache" ] || { cat "$work/log" >&2; echo "aot-train: no cache written at $cache" >&2; exit 1; }
echo "aot-train: wrote $cache ($(du -h "$cache" | cut -f1))"
