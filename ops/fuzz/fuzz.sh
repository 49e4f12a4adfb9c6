#!/usr/bin/env bash
# Fuzzes the hostile-input targets with Jazzer for longer than CI does (CI replays only their
# regression inputs, in src/test/resources/**/<Target>Inputs/).
#
# usage: ops/fuzz/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  per target (default 60)      TARGET  class names (default: all below)
# A finding is written by Jazzer next to the target's inputs (src/test/resources/.../<Target>Inputs/
# <method>/crash-*): fix the bug and commit the input, it becomes a regression test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-60}"
shift || true
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a number" >&2; exit 2; }

declare -A module=(
  [StreamJsonParserFuzzTest]=adapters-process
  [TranscriptReaderFuzzTest]=adapters-process
  [PathConfinementFuzzTest]=adapters-process
  [WsFramesFuzz]=bootstrap
  [TerminalFramesFuzz]=bootstrap
  [RouteBodiesFuzz]=bootstrap
)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${!module[@]}")

cd "$root"
status=0
for target in "${targets[@]}"; do
  mod="${module[$target]:-}"
  [ -n "$mod" ] || { echo "fuzz.sh: unknown target $target" >&2; exit 2; }
  echo "== $target ($mod) for ${seconds}s"
  # Jazzer fuzzes one @FuzzTest per JVM, and only with JAZZER_FUZZ set; max_duration overrides the annotation.
  # Coverage of all our code (by default only the test's own package is instrumented).
  if ! JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" JAZZER_INSTRUMENTATION_INCLUDES="dev.ccui.**" \
      ./mvnw -q -o -DskipWeb -pl "$mod" -am verify \
      -Dtest="$target" -Dit.test=NONE -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip=true -Djacoco.skip=true; then
    echo "== $target: FOUND A PROBLEM (see the output above and the new crash-* input)"
    status=1
  fi
done
exit $status
