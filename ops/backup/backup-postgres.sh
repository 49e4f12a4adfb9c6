#!/usr/bin/env bash
# PostgreSQL backup of Claude Code UI: pg_dump custom format (-Fc) to a dated file, keeps the newest N.
#
# usage: DATABASE_URL=postgresql://user:pass@host:5432/db ops/backup/backup-postgres.sh BACKUP_DIR [KEEP]
#   BACKUP_DIR  folder for ccui-pg-<db>-YYYYmmddTHHMMSSZ.dump files (created if missing)
#   KEEP        how many dumps to keep (default 14); older ones are deleted
# Needs pg_dump of the server's major version or newer (apt-get install -y postgresql-client-16).
# The URL may also be jdbc:postgresql://...; it is never printed (it holds the password).
# With compose:  docker compose exec -T postgres pg_dump -Fc -U ccui ccui > ccui-$(date +%F).dump
set -euo pipefail
umask 077

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
case "$1" in -h|--help) usage ;; esac
dir="$1"
keep="${2:-14}"
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || { echo "backup-postgres.sh: KEEP must be a positive number" >&2; exit 2; }
[ -n "${DATABASE_URL:-}" ] || { echo "backup-postgres.sh: DATABASE_URL is not set" >&2; exit 2; }
command -v pg_dump >/dev/null || { echo "backup-postgres.sh: pg_dump not found (apt-get install -y postgresql-client)" >&2; exit 1; }

# Splits DATABASE_URL into PG* variables (a --dbname URL would show the password in `ps`).
# shellcheck source=ops/backup/pg-url.sh
. "$(dirname "${BASH_SOURCE[0]}")/pg-url.sh"
pg_url_to_env || exit 2

mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
safe_db="$(printf '%s' "$PGDATABASE" | tr -c 'A-Za-z0-9_.-' '_')"
out="$dir/ccui-pg-$safe_db-$stamp.dump"
partial="$out.partial"
trap 'rm -f "$partial"' EXIT

echo "backup-postgres.sh: dumping database '$PGDATABASE' on $PGHOST:$PGPORT"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$partial"
# A dump that pg_restore cannot list is not a backup.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$out"
echo "backup-postgres.sh: wrote $out ($(du -h "$out" | cut -f1))"

# Rotation: newest first by name (the timestamp sorts), delete beyond KEEP.
mapfile -t old < <(ls -1 "$dir"/ccui-pg-"$safe_db"-*.dump 2>/dev/null | sort -r | tail -n +"$((keep + 1))")
for f in "${old[@]}"; do
  rm -f -- "$f"
  echo "backup-postgres.sh: removed old backup $f"
done
