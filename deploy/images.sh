#!/usr/bin/env bash
# Builds the two images, syllabus-api and syllabus-web, tagged with the project version.
#   BASES=registry  use the official base images named in the Dockerfiles (pulled from a registry)
#   BASES=local     build stand-ins from Debian packages first (no registry needed)
#   default: registry when the engine can pull the API's base image within 30 s, else local.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib/engine.sh
pick_engine

VERSION="${VERSION:-1.0.0}"
API_IMAGE="${API_IMAGE:-syllabus-api:$VERSION}"
WEB_IMAGE="${WEB_IMAGE:-syllabus-web:$VERSION}"

if [ ! -f api/target/postgresql/quarkus-app/quarkus-run.jar ]; then
  echo "Building the PostgreSQL build of the API ..."
  ./mvnw -B -q package -Ppostgres -pl api
fi
if [ ! -f web-client/dist/index.html ]; then
  echo "Building the web client ..."
  (cd web-client && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build >/dev/null)
fi

api_base=$(sed -n 's/^ARG BASE=//p' api/Dockerfile)
web_base=$(sed -n 's/^ARG BASE=//p' web-client/Dockerfile)
bases="${BASES:-}"
if [ -z "$bases" ]; then
  if timeout 20 $ENGINE pull -q "$api_base" >/dev/null 2>&1; then bases=registry; else bases=local; fi
fi
build_args=()
if [ "$bases" = local ]; then
  deploy/base/build-local-bases.sh
  api_base=localhost/syllabus-jre:trixie
  web_base=localhost/syllabus-nginx:bookworm
  build_args=(--pull=never)
fi

echo "Building $API_IMAGE (base $api_base) and $WEB_IMAGE (base $web_base) with $ENGINE ..."
$ENGINE build -q "${build_args[@]}" --build-arg BASE="$api_base" -t "$API_IMAGE" api >/dev/null
$ENGINE build -q "${build_args[@]}" --build-arg BASE="$web_base" -t "$WEB_IMAGE" web-client >/dev/null
$ENGINE images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "syllabus-(api|web):$VERSION" || true
