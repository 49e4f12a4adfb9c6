#!/usr/bin/env bash
# Checks the ops files without Docker: shell syntax, nginx config (`nginx -t` on the rendered
# templates with a throw-away self-signed certificate), compose structure, Prometheus rules.
# Missing tools are installed with apt when running as root (CI), otherwise that check is skipped.
#   ops/ci/check-ops.sh
set -euo pipefail
ops="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
passed=0
failed=0
skipped=0
ok()   { echo "check-ops: ok   $*"; passed=$((passed + 1)); }
bad()  { echo "check-ops: FAIL $*" >&2; failed=$((failed + 1)); }
skip() { echo "check-ops: skip $*"; skipped=$((skipped + 1)); }

apt_try() {   # apt_try PACKAGE: install it when we are root (CI) or have password-less sudo
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null || return 0
    sudo="sudo"
  fi
  command -v apt-get >/dev/null || return 0
  { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1"; } \
    >/dev/null 2>&1 || true
}
have() {   # have COMMAND APT_PACKAGE: true when COMMAND exists (installing it if we can)
  command -v "$1" >/dev/null || apt_try "$2"
  command -v "$1" >/dev/null
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# 1. shell scripts
for f in "$ops"/nginx/render.sh "$ops"/backup/*.sh "$ops"/load/*.sh "$ops"/bench/side-by-side.sh "$ops"/compose/validate.sh "$ops"/docker/lint.sh "$ops"/docker/aot-train.sh "$ops"/ci/check-ops.sh; do
  if bash -n "$f"; then ok "bash -n ${f#"$ops"/}"; else bad "bash -n ${f#"$ops"/}"; fi
done
if have shellcheck shellcheck; then
  if shellcheck -S warning -x "$ops"/nginx/render.sh "$ops"/backup/*.sh "$ops"/load/*.sh "$ops"/bench/side-by-side.sh "$ops"/compose/validate.sh "$ops"/docker/lint.sh "$ops"/docker/aot-train.sh "$ops"/ci/check-ops.sh; then
    ok "shellcheck"; else bad "shellcheck"; fi
else
  skip "shellcheck (not installed)"
fi

# 2. nginx: render into a temp prefix and test
if have nginx nginx-light && have openssl openssl; then
  mkdir -p "$tmp/nginx/conf" "$tmp/nginx/logs" "$tmp/nginx/tmp" "$tmp/nginx/acme"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
    -keyout "$tmp/nginx/key.pem" -out "$tmp/nginx/cert.pem" >/dev/null 2>&1
  if SERVER_NAME=localhost TLS_CERT="$tmp/nginx/cert.pem" TLS_KEY="$tmp/nginx/key.pem" \
     UPSTREAM=127.0.0.1:3001 LISTEN_HTTP=127.0.0.1:18080 LISTEN_HTTPS=127.0.0.1:18443 \
     ACCESS_LOG="$tmp/nginx/logs/access.log" ERROR_LOG="$tmp/nginx/logs/error.log" RESOLVER=127.0.0.1 \
     ACME_ROOT="$tmp/nginx/acme" PID_FILE="$tmp/nginx/logs/nginx.pid" MIME_TYPES=/etc/nginx/mime.types \
     TEMP_DIR="$tmp/nginx/tmp" SITE_CONF="$tmp/nginx/conf/ccui.conf" \
     "$ops/nginx/render.sh" "$tmp/nginx/conf" >/dev/null \
     && nginx -t -p "$tmp/nginx" -c "$tmp/nginx/conf/nginx.conf" >"$tmp/nginx-t.log" 2>&1; then
    ok "nginx -t on the rendered templates"
  else
    cat "$tmp/nginx-t.log" >&2 2>/dev/null || true
    bad "nginx -t on the rendered templates"
  fi
else
  skip "nginx -t (nginx or openssl missing)"
fi

# 3. compose
python3 -c 'import yaml' 2>/dev/null || apt_try python3-yaml
if python3 -c 'import yaml' 2>/dev/null; then
  if "$ops/compose/validate.sh" >"$tmp/compose.log" 2>&1; then
    ok "compose ($(grep -c . "$tmp/compose.log") checks: $(tr '\n' ';' < "$tmp/compose.log" | sed 's/validate.sh: //g'))"
  else
    cat "$tmp/compose.log" >&2
    bad "compose structure"
  fi
else
  skip "compose structure (python3-yaml missing)"
fi

# 3b. Dockerfile (hadolint when present, structural checks always)
if "$ops/docker/lint.sh" >"$tmp/lint.log" 2>&1; then
  ok "Dockerfile lint ($(tail -n 1 "$tmp/lint.log" | sed 's/^lint.sh: //'))"
else
  cat "$tmp/lint.log" >&2
  bad "Dockerfile lint"
fi

# 4. Prometheus
if command -v promtool >/dev/null; then
  cp "$ops/monitoring/alerts.yml" "$tmp/alerts.yml"
  echo token > "$tmp/token"
  sed -e "s|/etc/prometheus/alerts.yml|$tmp/alerts.yml|; s|/etc/prometheus/secrets/ccui-metrics-token|$tmp/token|" \
    "$ops/monitoring/prometheus.yml" > "$tmp/prometheus.yml"
  if promtool check config "$tmp/prometheus.yml" >/dev/null; then ok "promtool check config"; else bad "promtool check config"; fi
else
  skip "promtool (apt-get install -y prometheus to enable)"
fi

echo "check-ops: $passed passed, $failed failed"
[ "$failed" = 0 ]
