#!/usr/bin/env bash
# Checks docker-compose.production.yml without a Docker engine.
#   ops/compose/validate.sh [ENV_FILE]     (default: .env.production.example)
# Uses `docker compose config -q` when the compose plugin is present (else Debian's docker-compose
# v1 for its schema check), and always runs a structural check with python3-yaml, which also
# requires every variable the app reads in ENV_FILE.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
env_file="${1:-$here/.env.production.example}"
[ -f "$env_file" ] || { echo "validate.sh: no env file $env_file" >&2; exit 2; }

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cp "$here/docker-compose.production.yml" "$tmp/"
cp "$env_file" "$tmp/.env.production"
if docker compose version >/dev/null 2>&1; then
  docker compose --env-file "$tmp/.env.production" -f "$tmp/docker-compose.production.yml" config -q
  echo "validate.sh: docker compose config: ok"
elif command -v docker-compose >/dev/null; then
  # Compose v1 (Debian's docker-compose 1.29) validates against its JSON schema of the Compose
  # spec; it only lacks the top-level project `name`, which is dropped for this check.
  sed -i '/^name:/d' "$tmp/docker-compose.production.yml"
  docker-compose --env-file "$tmp/.env.production" -f "$tmp/docker-compose.production.yml" config -q
  echo "validate.sh: docker-compose $(docker-compose version --short 2>/dev/null) config (schema, without name:): ok"
else
  echo "validate.sh: neither docker compose nor docker-compose available; structural check only"
fi

python3 - "$here/docker-compose.production.yml" "$env_file" <<'PY'
import re, sys, yaml
path, env_path = sys.argv[1], sys.argv[2]
doc = yaml.safe_load(open(path))
problems = []
def need(cond, msg):
    if not cond: problems.append(msg)

services = doc.get("services", {})
for name in ("app", "postgres", "redis", "nginx"):
    need(name in services, f"service {name} missing")
for name, svc in services.items():
    if "monitoring" in svc.get("profiles", []):
        continue
    need(svc.get("restart") == "unless-stopped", f"{name}: restart must be unless-stopped")
    need("healthcheck" in svc, f"{name}: healthcheck missing")
    limits = svc.get("deploy", {}).get("resources", {}).get("limits", {})
    need("cpus" in limits and "memory" in limits, f"{name}: deploy.resources.limits cpus/memory missing")
    if name != "nginx":
        need("ports" not in svc, f"{name}: only nginx may publish ports")
nginx = services.get("nginx", {})
need(sorted(p.split(":")[-1] for p in nginx.get("ports", [])) == ["443", "80"], "nginx must publish 80 and 443")
nets = doc.get("networks", {})
need(nets.get("internal", {}).get("internal") is True, "network internal must be internal: true")
need("edge" in nets, "network edge missing")
def svc_nets(s): 
    n = services.get(s, {}).get("networks", [])
    return set(n if isinstance(n, list) else n.keys())
need(svc_nets("app") >= {"internal", "edge"}, "app must be on internal and edge")
need(svc_nets("postgres") == {"internal"} and svc_nets("redis") == {"internal"}, "postgres/redis only on internal")
need(svc_nets("nginx") == {"edge"}, "nginx only on edge")
for v in ("ccui-data", "claude-config", "pg-data", "redis-data"):
    need(v in doc.get("volumes", {}), f"volume {v} missing")
app = services.get("app", {})
need(app.get("build", {}).get("dockerfile") == "ops/docker/Dockerfile" and app.get("build", {}).get("context") == "../..",
     "app must build ../../ with ops/docker/Dockerfile")
need(".env.production" in app.get("env_file", []), "app must read .env.production")

env = {}
for line in open(env_path):
    line = line.strip()
    if line and not line.startswith("#"):
        k, _, v = line.partition("=")
        env[k] = v
required = """CCUI_HOST CCUI_PORT CCUI_ENV CCUI_DATA_DIR DATABASE_URL REDIS_URL JWT_SECRET JWT_TTL CORS_ORIGINS
CCUI_TRUSTED_PROXIES CCUI_RATE_LIMIT_PER_MINUTE CCUI_AUTH_RATE_LIMIT CCUI_BCRYPT_COST CCUI_MAX_BODY_BYTES
CLAUDE_CLI_PATH CLAUDE_CONFIG_DIR CCUI_WORKSPACES_ROOT CCUI_TERMINAL_ENABLED LOG_FORMAT LOG_LEVEL METRICS_TOKEN
ANTHROPIC_API_KEY POSTGRES_PASSWORD REDIS_PASSWORD""".split()
text = open(env_path).read()
for k in required:
    need(k in env, f"{env_path}: {k} missing")
need(re.search(r"^#?\s*ANTHROPIC_BASE_URL=", text, re.M) is not None, f"{env_path}: ANTHROPIC_BASE_URL not documented")
for k in """ANTHROPIC_BASE_URL CCUI_ALERT_WEBHOOK_URL CCUI_ALERT_WEBHOOK_SECRET CCUI_ALERT_COOLDOWN CCUI_ALERT_LOGIN_FAILURES
CCUI_ALERT_ERROR_RATE_PERCENT CCUI_ALERT_ERROR_RATE_MIN_REQUESTS CCUI_ALERT_DISK_MIN_FREE_PERCENT
CCUI_ALERT_DISK_MIN_FREE_BYTES""".split():
    need(re.search(r"^#?\s*" + k + "=", text, re.M) is not None, f"{env_path}: {k} not documented (may be commented out)")
need(len(env.get("JWT_SECRET", "")) >= 32, "JWT_SECRET must be at least 32 characters")
need(env.get("CORS_ORIGINS") not in (None, "", "*"), "CORS_ORIGINS must be set and not *")
# Every ${VAR} the compose file interpolates without a default must be set in the env file.
compose_text = open(path).read()
for m in re.finditer(r"\$\{([A-Z_][A-Z0-9_]*)(:?[-?][^}]*)?\}", compose_text):
    name, modifier = m.group(1), m.group(2) or ""
    if not modifier.startswith((":-", "-")):
        need(name in env, f"compose uses ${{{name}}} without a default but {env_path} does not set it")
if problems:
    print("\n".join("validate.sh: " + p for p in problems)); sys.exit(1)
print(f"validate.sh: structure ok ({len(services)} services, {len(env)} variables)")
PY
