#!/usr/bin/env bash
# Runs Syllabus on this machine: the API on the embedded database (./data) with the course loaded,
# and the web client's dev server, which proxies /api to the API.
# Stops everything it started on Ctrl-C or SIGTERM, or when either of them stops.
set -euo pipefail
cd "$(dirname "$0")/.."

API_PORT="${API_PORT:-8080}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9000}"
WEB_PORT="${WEB_PORT:-5173}"
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

mkdir -p data
QUARKUS_HTTP_PORT="$API_PORT" QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" SYLLABUS_CORS_ORIGINS="${SYLLABUS_CORS_ORIGINS:-http://localhost:$WEB_PORT,http://127.0.0.1:$WEB_PORT}" \
  java ${JAVA_OPTS:-} -jar api/target/quarkus-app/quarkus-run.jar &
pids+=($!)

(cd web-client && SYLLABUS_API_PROXY="http://127.0.0.1:$API_PORT" exec node node_modules/vite/bin/vite.js --port "$WEB_PORT" --strictPort) &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" 2>/dev/null; then break; fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then echo "The API did not start; see the messages above." >&2; exit 1; fi
  sleep 0.5
done
cat <<MSG

  Syllabus is running.
    Web client    http://localhost:$WEB_PORT
    API           http://localhost:$API_PORT/api/agenda
    API docs      http://localhost:$API_PORT/q/swagger-ui
  Press Ctrl-C to stop.

MSG
wait -n "${pids[@]}"
