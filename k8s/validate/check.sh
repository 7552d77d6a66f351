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

# The image and the manifests run the API with the same JVM settings (k8s/base/api-jvm.env).
jvm_mismatch=0
while IFS='=' read -r key value; do
  grep -qF "$key=\"$value\"" ../../api/Dockerfile || grep -qE "(^|[[:space:]])$key=$value([[:space:]]|$)" ../../api/Dockerfile \
    || { echo "api/Dockerfile does not set $key=$value as k8s/base/api-jvm.env does" >&2; jvm_mismatch=1; }
done < <(grep -E '^[A-Z_]+=' ../base/api-jvm.env)
[ "$jvm_mismatch" = 0 ] || exit 1
echo "JVM settings: the image and the manifests agree (k8s/base/api-jvm.env)"

SYLLABUS_WEB_TEMPLATES=../../web-client/docker SYLLABUS_WEB_RUN="$run" SYLLABUS_API_UPSTREAM=http://127.0.0.1:8080 \
  ../../web-client/docker/entrypoint.sh test
echo "nginx -t: 1 passed, 0 failed"
