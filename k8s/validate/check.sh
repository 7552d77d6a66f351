#!/usr/bin/env bash
# Offline proof of the Kubernetes manifests and the web server's configuration, run by `make test`:
# every overlay renders and validates (schemas and policies), the policies catch what they should,
# and `nginx -t` accepts the web image's nginx configuration.
set -euo pipefail
cd "$(dirname "$0")"
source ../../deploy/lib/secrets.sh
ensure_secrets
[ -d node_modules ] || npm ci --no-audit --no-fund --silent
node check.mjs --self-test
node check.mjs

run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT
SYLLABUS_WEB_TEMPLATES=../../web-client/docker SYLLABUS_WEB_RUN="$run" SYLLABUS_API_UPSTREAM=http://127.0.0.1:8080 \
  ../../web-client/docker/entrypoint.sh test
echo "nginx -t: 1 passed, 0 failed"
