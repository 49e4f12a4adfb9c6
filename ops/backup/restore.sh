#!/usr/bin/env bash
# Restores a Claude Code UI backup made by backup-postgres.sh or backup-sqlite.sh.
#
# usage: ops/backup/restore.sh [--yes] BACKUP_FILE [SQLITE_DB_FILE]
#   *.dump  PostgreSQL: pg_restore --clean --if-exists into DATABASE_URL (env), in one transaction.
#           Objects in the dump are dropped and recreated; stop the app (or all app nodes) first.
#   *.db    SQLite: copies the backup over SQLITE_DB_FILE (e.g. ~/.ccui/ccui.db). THE APP MUST BE
#           STOPPED. The current file is kept as SQLITE_DB_FILE.before-restore-<time>.
#   --yes   do not ask for confirmation (required when not run from a terminal)
# DATABASE_URL is never printed (it holds the password).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }
yes=""
if [ "${1:-}" = "--yes" ]; then yes=1; shift; fi
[ $# -ge 1 ] && [ $# -le 2 ] || usage
case "$1" in -h|--help) usage ;; esac
backup="$1"
[ -f "$backup" ] || { echo "restore.sh: no backup file at $backup" >&2; exit 2; }

confirm() {
  [ -n "$yes" ] && return 0
  if [ ! -t 0 ]; then
    echo "restore.sh: refusing without --yes when not run from a terminal" >&2
    exit 2
  fi
  local answer
  read -r -p "$1 Type 'restore' to continue: " answer
  [ "$answer" = restore ] || { echo "restore.sh: cancelled" >&2; exit 1; }
}

case "$backup" in
  *.dump)
    [ $# -eq 1 ] || usage
    [ -n "${DATABASE_URL:-}" ] || { echo "restore.sh: DATABASE_URL is not set" >&2; exit 2; }
    command -v pg_restore >/dev/null || { echo "restore.sh: pg_restore not found (apt-get install -y postgresql-client)" >&2; exit 1; }
    # shellcheck source=ops/backup/pg-url.sh
    . "$(dirname "${BASH_SOURCE[0]}")/pg-url.sh"
    pg_url_to_env || exit 2
    pg_restore --list "$backup" >/dev/null || { echo "restore.sh: $backup is not a pg_dump custom-format file" >&2; exit 2; }
    confirm "This replaces the contents of database '$PGDATABASE' on $PGHOST:$PGPORT with $backup."
    echo "restore.sh: restoring $backup into '$PGDATABASE' on $PGHOST:$PGPORT"
    pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
      --dbname="$PGDATABASE" "$backup"
    echo "restore.sh: done; start the app again (Flyway checks the schema version at start-up)"
    ;;
  *.db|*.sqlite|*.sqlite3)
    [ $# -eq 2 ] || { echo "restore.sh: a SQLite restore needs the target database file as second argument" >&2; usage; }
    target="$2"
    command -v sqlite3 >/dev/null || { echo "restore.sh: sqlite3 not found (apt-get install -y sqlite3)" >&2; exit 1; }
    check="$(sqlite3 -bail "$backup" "PRAGMA integrity_check;" 2>&1)" || true
    [ "$check" = ok ] || { echo "restore.sh: $backup fails the integrity check: $check" >&2; exit 2; }
    # A live app keeps a -wal file next to the database (WAL mode); refuse while it exists.
    if [ -s "$target-wal" ]; then
      echo "restore.sh: $target-wal exists: the app still seems to be running. Stop it first." >&2
      exit 1
    fi
    confirm "This replaces $target with $backup (the app must be stopped)."
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    if [ -f "$target" ]; then
      cp -p -- "$target" "$target.before-restore-$stamp"
      echo "restore.sh: kept the current database as $target.before-restore-$stamp"
    fi
    mkdir -p "$(dirname "$target")"
    tmp="$target.restore-$stamp"
    cp -- "$backup" "$tmp"
    chmod 600 "$tmp"
    rm -f -- "$target-wal" "$target-shm" "$target-journal"
    mv -f -- "$tmp" "$target"
    echo "restore.sh: restored $target from $backup; start the app again"
    ;;
  *)
    echo "restore.sh: don't know how to restore '$backup' (expected .dump or .db)" >&2
    exit 2
    ;;
esac
