#!/usr/bin/env bash
# Lints ops/docker/Dockerfile. Uses hadolint when it is on the PATH (it is in neither Debian nor
# npm, so CI usually has none); always runs the structural checks below, which encode what this
# image promises: multi-stage build, non-root runtime user, HEALTHCHECK on /api/health, tini as
# PID 1, a pinned Claude Code CLI, apt without recommends and with its lists removed, no ADD of
# URLs, no secret baked into ENV/ARG.
#   ops/docker/lint.sh [DOCKERFILE]
set -euo pipefail
file="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/Dockerfile}"
[ -f "$file" ] || { echo "lint.sh: no Dockerfile at $file" >&2; exit 2; }

if command -v hadolint >/dev/null; then
  hadolint --failure-threshold warning "$file"
  echo "lint.sh: hadolint: ok"
fi

# Join continuation lines, drop comments, so each instruction is one line.
flat="$(sed -e '/^[[:space:]]*#/d' "$file" | sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta')"
problems=()
need() { if ! eval "$1"; then problems+=("$2"); fi; }

froms="$(grep -cE '^FROM[[:space:]]' <<<"$flat" || true)"
need '[ "$froms" -ge 2 ]' "not multi-stage (only $froms FROM)"
need 'grep -qE "^FROM[^#]* AS build" <<<"$flat"' "no build stage (FROM ... AS build)"
# The final stage: everything after the last FROM.
final="$(awk '/^FROM[[:space:]]/{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' <<<"$flat")"
user="$(grep -E '^USER[[:space:]]' <<<"$final" | tail -n 1 | awk '{print $2}')"
need '[ -n "$user" ]' "the runtime stage sets no USER"
need '[[ -z "$user" || ! "$user" =~ ^(root|0)(:|$) ]]' "the runtime stage runs as root ($user)"
need 'grep -qE "^HEALTHCHECK[[:space:]].*/api/health" <<<"$final"' "no HEALTHCHECK on /api/health in the runtime stage"
need 'grep -qE "^ENTRYPOINT[[:space:]]*\[\"[^\"]*(tini|dumb-init)\"" <<<"$final"' "ENTRYPOINT is not tini/dumb-init (exec form)"
need 'grep -qE "^ARG CLAUDE_CODE_VERSION=[0-9]+\.[0-9]+\.[0-9]+$" <<<"$flat"' "CLAUDE_CODE_VERSION is not pinned to x.y.z"
need 'grep -qF "@anthropic-ai/claude-code@\${CLAUDE_CODE_VERSION}" <<<"$flat"' "the CLI is not installed at CLAUDE_CODE_VERSION"
need '! grep -qE "^FROM[[:space:]]+[^[:space:]]+:latest" <<<"$flat"' "a FROM uses :latest"
need '! grep -qE "^FROM[[:space:]]+[a-z0-9./_-]+([[:space:]]|$)" <<<"$(grep -E "^FROM" <<<"$flat" | grep -vE "^FROM[[:space:]]+[^[:space:]]+[:@]")"' "a FROM has no tag"
need '! grep -qE "^ADD[[:space:]]+(--[^ ]+[[:space:]]+)*https?://" <<<"$flat"' "ADD of a URL (use a package manager)"
need '! grep -qE "^(ENV|ARG)[[:space:]].*(PASSWORD|SECRET|TOKEN|API_KEY)[A-Z_]*=[^[:space:]]+" <<<"$flat"' "a secret-looking ENV/ARG has a value"
while IFS= read -r run; do
  [[ "$run" == *--no-install-recommends* ]] || problems+=("apt-get install without --no-install-recommends")
  [[ "$run" == *"rm -rf /var/lib/apt/lists/"* ]] || problems+=("apt-get install without removing /var/lib/apt/lists")
done < <(grep -E '^RUN .*apt-get install' <<<"$flat" || true)
need 'grep -qE "^VOLUME[[:space:]].*/data" <<<"$final"' "no VOLUME for the data dir"
need '[[ ! "$(grep -E "^CMD" <<<"$final")" =~ ^CMD[[:space:]]+[^[] ]]' "CMD is not in exec form"

if [ "${#problems[@]}" -gt 0 ]; then
  printf 'lint.sh: %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "lint.sh: Dockerfile structure ok ($froms stages, USER $user, HEALTHCHECK, tini, CLI $(sed -n 's/^ARG CLAUDE_CODE_VERSION=//p' <<<"$flat"))"
