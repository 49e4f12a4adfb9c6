#!/usr/bin/env bash
# Renders nginx.conf.template and ccui.conf.template into OUT_DIR, replacing only the
# placeholders listed below (written as dollar-brace NAME in the templates); nginx's own $variables are
# left alone. Needs nothing but bash and sed.
#
# usage: ops/nginx/render.sh OUT_DIR
#
# Settings come from the environment. Defaults suit the official nginx image used by
# ops/compose/docker-compose.production.yml (config at /etc/nginx, certs at /etc/nginx/certs).
#   SERVER_NAME   (required) public host name(s), e.g. "ccui.example.com"
#   TLS_CERT      certificate chain (PEM)            default /etc/nginx/certs/fullchain.pem
#   TLS_KEY       private key (PEM)                  default /etc/nginx/certs/privkey.pem
#   TLS_CHAIN     issuer chain for OCSP verification default = TLS_CERT
#   UPSTREAMS     the app nodes, host:port separated by spaces, e.g. "10.0.0.11:3001 10.0.0.12:3001"
#                 (every node with the same PostgreSQL, REDIS_URL and JWT_SECRET)  default = UPSTREAM
#   UPSTREAM      one app node, host:port            default app:3001
#   API_RATE      per-client-address rate of API requests (burst 40 on top)  default 20r/s
#                 (one address for every client in a load test from one machine: raise it there)
#   MAX_FAILS     passive health check: failures...  default 3
#   FAIL_TIMEOUT  ...within this long take a node out for as long  default 10s
#   LISTEN_HTTP   listen value, port or addr:port    default 80
#   LISTEN_HTTPS  listen value, port or addr:port    default 443
#   ACCESS_LOG    default /var/log/nginx/access.log  ERROR_LOG default /var/log/nginx/error.log
#   RESOLVER      DNS for OCSP stapling              default 127.0.0.11 (Docker's embedded DNS)
#   ACME_ROOT     webroot for HTTP-01 challenges     default /var/www/acme
#   PID_FILE      default /var/run/nginx.pid         MIME_TYPES default /etc/nginx/mime.types
#   TEMP_DIR      default /var/cache/nginx           SITE_CONF default /etc/nginx/conf.d/ccui.conf
#                 (SITE_CONF is where ccui.conf will be at run time, as nginx.conf includes it)
set -euo pipefail

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -eq 1 ] || usage
case "$1" in -h|--help) usage ;; esac
out_dir="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

: "${SERVER_NAME:?SERVER_NAME is required (the public host name, e.g. ccui.example.com)}"
TLS_CERT="${TLS_CERT:-/etc/nginx/certs/fullchain.pem}"
TLS_KEY="${TLS_KEY:-/etc/nginx/certs/privkey.pem}"
TLS_CHAIN="${TLS_CHAIN:-$TLS_CERT}"
UPSTREAM="${UPSTREAM:-app:3001}"
UPSTREAMS="${UPSTREAMS:-$UPSTREAM}"
API_RATE="${API_RATE:-20r/s}"
MAX_FAILS="${MAX_FAILS:-3}"
FAIL_TIMEOUT="${FAIL_TIMEOUT:-10s}"
LISTEN_HTTP="${LISTEN_HTTP:-80}"
LISTEN_HTTPS="${LISTEN_HTTPS:-443}"
ACCESS_LOG="${ACCESS_LOG:-/var/log/nginx/access.log}"
ERROR_LOG="${ERROR_LOG:-/var/log/nginx/error.log}"
RESOLVER="${RESOLVER:-127.0.0.11}"
ACME_ROOT="${ACME_ROOT:-/var/www/acme}"
PID_FILE="${PID_FILE:-/var/run/nginx.pid}"
MIME_TYPES="${MIME_TYPES:-/etc/nginx/mime.types}"
TEMP_DIR="${TEMP_DIR:-/var/cache/nginx}"
SITE_CONF="${SITE_CONF:-/etc/nginx/conf.d/ccui.conf}"

# The redirect keeps a non-standard HTTPS port (e.g. 18443 in a local test).
https_port="${LISTEN_HTTPS##*:}"
if ! [[ "$https_port" =~ ^[0-9]+$ ]]; then
  echo "render.sh: LISTEN_HTTPS must end with a port number, got '$LISTEN_HTTPS'" >&2
  exit 2
fi
# shellcheck disable=SC2034  # read through ${!name} below
if [ "$https_port" = 443 ]; then HTTPS_PORT_SUFFIX=""; else HTTPS_PORT_SUFFIX=":$https_port"; fi

vars=(SERVER_NAME TLS_CERT TLS_KEY TLS_CHAIN UPSTREAM LISTEN_HTTP LISTEN_HTTPS HTTPS_PORT_SUFFIX
      ACCESS_LOG ERROR_LOG RESOLVER ACME_ROOT PID_FILE MIME_TYPES TEMP_DIR SITE_CONF API_RATE)

# Values end up inside nginx directives: refuse anything that could open another directive.
for name in "${vars[@]}"; do
  value="${!name}"
  if [[ "$value" == *[\;\{\}\"\'\$\`\\]* || "$value" == *$'\n'* ]]; then
    echo "render.sh: $name contains a character not allowed in this config (; { } quotes \$ \\ or newline)" >&2
    exit 2
  fi
done

if ! [[ "$API_RATE" =~ ^[0-9]+r/[sm]$ ]]; then
  echo "render.sh: API_RATE is requests per second or minute, such as 20r/s, got '$API_RATE'" >&2
  exit 2
fi

# One `server` line per node, for the balanced pool and the terminal pool alike.
if ! [[ "$MAX_FAILS" =~ ^[0-9]+$ && "$FAIL_TIMEOUT" =~ ^[0-9]+(ms|s|m)?$ ]]; then
  echo "render.sh: MAX_FAILS must be a number and FAIL_TIMEOUT a duration such as 10s" >&2
  exit 2
fi
UPSTREAM_SERVERS=""
read -r -a nodes <<< "$UPSTREAMS"
for node in "${nodes[@]}"; do
  if ! [[ "$node" =~ ^[A-Za-z0-9._-]+:[0-9]+$ || "$node" =~ ^\[[0-9A-Fa-f:]+\]:[0-9]+$ ]]; then
    echo "render.sh: UPSTREAMS entries are host:port, got '$node'" >&2
    exit 2
  fi
  UPSTREAM_SERVERS+="server $node max_fails=$MAX_FAILS fail_timeout=$FAIL_TIMEOUT; "
done
if [ -z "$UPSTREAM_SERVERS" ]; then
  echo "render.sh: UPSTREAMS names no node" >&2
  exit 2
fi
UPSTREAM_SERVERS="${UPSTREAM_SERVERS% }"
vars+=(UPSTREAM_SERVERS)

sed_script=""
for name in "${vars[@]}"; do
  value="${!name}"
  value="${value//&/\\&}"      # & means "the match" in a sed replacement
  value="${value//|/\\|}"      # | is the delimiter below
  sed_script+="s|\${${name}}|${value}|g;"
done

mkdir -p "$out_dir"
for template in nginx.conf ccui.conf; do
  sed -e "$sed_script" "$here/$template.template" > "$out_dir/$template.tmp"
  if left="$(grep -oE '\$\{[A-Z_]+\}' "$out_dir/$template.tmp" | sort -u | tr '\n' ' ')" && [ -n "$left" ]; then
    echo "render.sh: unreplaced placeholders in $template: $left" >&2
    rm -f "$out_dir/$template.tmp"
    exit 1
  fi
  mv "$out_dir/$template.tmp" "$out_dir/$template"
done
echo "render.sh: wrote $out_dir/nginx.conf and $out_dir/ccui.conf (server_name $SERVER_NAME, upstreams $UPSTREAMS)"
