#!/usr/bin/env bash
# Offline proof of the Kubernetes manifests and the web server's configuration, run by `make test`:
# every overlay and every combination of the optional components renders and validates (schemas,
# unknown fields, policies), the checks catch what they should, and `nginx -t` accepts the web
# image's nginx configuration.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/@kubernetes/client-node ] || npm ci --no-audit --no-fund --silent

# The podman-smoke overlay reads its Secret from a git-ignored file that the smoke test writes.
smoke_secrets=../overlays/podman-smoke/secrets.env
made_secrets=""
if [ ! -f "$smoke_secrets" ]; then
  printf 'SYLLABUS_DB_PASSWORD=x\nSYLLABUS_ADMIN_PASSWORD=x\nSYLLABUS_GITHUB_WEBHOOK_SECRET=x\n' >"$smoke_secrets"
  made_secrets=$smoke_secrets
fi
run=$(mktemp -d)
trap 'rm -rf "$run" $made_secrets' EXIT

node check.mjs --self-test
node check.mjs

SYLLABUS_WEB_TEMPLATES=../../web-client/docker SYLLABUS_WEB_RUN="$run" SYLLABUS_API_UPSTREAM=http://127.0.0.1:8080 \
  ../../web-client/docker/entrypoint.sh test
echo "nginx -t: 1 passed, 0 failed"
