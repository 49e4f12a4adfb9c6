#!/usr/bin/env bash
# The index repositories alone, on SQLite and on the PostgreSQL server at 127.0.0.1:5432.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
. ops/bench/lib.sh
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$(classpath_of adapters-persistence)" \
  dev.ccui.adapters.persistence.history.HistoryIndexBenchmark
