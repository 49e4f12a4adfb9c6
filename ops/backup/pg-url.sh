# shellcheck shell=bash
# Sourced by backup-postgres.sh and restore.sh: turns DATABASE_URL
# (postgresql://user:pass@host:5432/db?sslmode=..., or with a jdbc: prefix) into libpq's PG*
# environment variables and unsets DATABASE_URL, so the password never reaches argv or output.
pg_url_to_env() {
  local url="${DATABASE_URL#jdbc:}" query p
  if ! [[ "$url" =~ ^postgres(ql)?://(([^:@/]*)(:([^@/]*))?@)?([^:/?]+|\[[^]]+\])(:([0-9]+))?/([^?]+)(\?(.*))?$ ]]; then
    echo "DATABASE_URL is not of the form postgresql://user:pass@host:5432/db" >&2
    return 1
  fi
  export PGUSER PGPASSWORD PGHOST PGPORT PGDATABASE
  PGUSER="$(_pg_urldecode "${BASH_REMATCH[3]}")"
  PGPASSWORD="$(_pg_urldecode "${BASH_REMATCH[5]}")"
  PGHOST="${BASH_REMATCH[6]#[}"; PGHOST="${PGHOST%]}"
  PGPORT="${BASH_REMATCH[8]:-5432}"
  PGDATABASE="$(_pg_urldecode "${BASH_REMATCH[9]}")"
  query="${BASH_REMATCH[11]}"
  [ -n "$PGUSER" ] || unset PGUSER
  [ -n "$PGPASSWORD" ] || unset PGPASSWORD
  if [ -n "$query" ]; then
    local -a params
    IFS='&' read -r -a params <<< "$query"
    for p in "${params[@]}"; do
      case "$p" in
        sslmode=*) export PGSSLMODE="${p#sslmode=}" ;;
        sslrootcert=*) PGSSLROOTCERT="$(_pg_urldecode "${p#sslrootcert=}")"; export PGSSLROOTCERT ;;
        user=*) PGUSER="$(_pg_urldecode "${p#user=}")"; export PGUSER ;;
        password=*) PGPASSWORD="$(_pg_urldecode "${p#password=}")"; export PGPASSWORD ;;
      esac
    done
  fi
  unset DATABASE_URL
}

_pg_urldecode() {
  local s="${1//+/ }"
  printf '%b' "${s//%/\\x}"
}
