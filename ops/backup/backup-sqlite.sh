#!/usr/bin/env bash
# SQLite backup of Claude Code UI (the embedded default), online: uses SQLite's backup API through
# the sqlite3 CLI (`.backup`), safe while the app runs. Keeps the newest N copies.
#
# usage: ops/backup/backup-sqlite.sh DB_FILE BACKUP_DIR [KEEP]
#   DB_FILE     the app's database, e.g. ~/.ccui/ccui.db (in CCUI_DATA_DIR)
#   BACKUP_DIR  folder for ccui-sqlite-YYYYmmddTHHMMSSZ.db files (created if missing)
#   KEEP        how many copies to keep (default 14)
# Needs the sqlite3 command line:  apt-get install -y sqlite3
set -euo pipefail
umask 077

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] && [ $# -le 3 ] || usage
db="$1"
dir="$2"
keep="${3:-14}"
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || { echo "backup-sqlite.sh: KEEP must be a positive number" >&2; exit 2; }
[ -f "$db" ] || { echo "backup-sqlite.sh: no database file at $db" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "backup-sqlite.sh: sqlite3 not found (apt-get install -y sqlite3)" >&2; exit 1; }
case "$db$dir" in *"'"*) echo "backup-sqlite.sh: paths must not contain a single quote" >&2; exit 2 ;; esac

mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$dir/ccui-sqlite-$stamp.db"
partial="$out.partial"
trap 'rm -f "$partial"' EXIT

echo "backup-sqlite.sh: backing up $db"
# -bail: stop on the first error; busy_timeout: wait for a writer instead of failing at once.
sqlite3 -bail "$db" ".timeout 10000" ".backup '$partial'"
check="$(sqlite3 -bail "$partial" "PRAGMA integrity_check;")"
if [ "$check" != "ok" ]; then
  echo "backup-sqlite.sh: integrity check of the copy failed: $check" >&2
  exit 1
fi
mv "$partial" "$out"
echo "backup-sqlite.sh: wrote $out ($(du -h "$out" | cut -f1))"

mapfile -t old < <(ls -1 "$dir"/ccui-sqlite-*.db 2>/dev/null | sort -r | tail -n +"$((keep + 1))")
for f in "${old[@]}"; do
  rm -f -- "$f"
  echo "backup-sqlite.sh: removed old backup $f"
done
