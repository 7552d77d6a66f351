#!/usr/bin/env bash
# Runs Syllabus on this machine: the API on the embedded database (./data) with the course loaded,
# and the web client's dev server, which proxies /api to the API.
# Stops everything it started on Ctrl-C or SIGTERM (quietly: being stopped is how it ends), or when
# either of them stops.
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
stopped() {
  stop
  echo
  echo "  Syllabus stopped."
  exit 0
}
trap stopped INT TERM
trap stop EXIT

mkdir -p data
# The API starts from its folder with the AOT cache `make api` trained beside it (app.aot), as
# Quarkus documents: so the database and a content folder are named by absolute paths.
aot=()
[ -f api/target/quarkus-app/app.aot ] && aot=(-XX:AOTCache=app.aot)
database="${SYLLABUS_DB_URL:-jdbc:h2:file:$(pwd)/data/syllabus;DB_CLOSE_ON_EXIT=FALSE}"
content_dir="${SYLLABUS_CONTENT_DIR:-}"
[ -n "$content_dir" ] && content_dir=$(realpath "$content_dir")
(cd api/target/quarkus-app && QUARKUS_HTTP_PORT="$API_PORT" QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
  SYLLABUS_DB_URL="$database" \
  SYLLABUS_CONTENT_DIR="$content_dir" \
  SYLLABUS_CORS_ORIGINS="${SYLLABUS_CORS_ORIGINS:-http://localhost:$WEB_PORT,http://127.0.0.1:$WEB_PORT}" \
  exec java "${aot[@]}" ${JAVA_OPTS:-} -jar quarkus-run.jar) &
pids+=($!)

(cd web-client && SYLLABUS_API_PROXY="http://127.0.0.1:$API_PORT" exec node node_modules/vite/bin/vite.js --port "$WEB_PORT" --strictPort) &
pids+=($!)

# Both must answer before the addresses are printed: the API once its course is loaded, the web
# client once its dev server serves the page.
await() {
  local what="$1" url="$2" pid="$3"
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "The $what did not start; see the messages above." >&2; exit 1; fi
    sleep 0.5
  done
  echo "The $what did not answer at $url within two minutes." >&2
  exit 1
}
await API "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" "${pids[0]}"
await "web client" "http://127.0.0.1:$WEB_PORT/" "${pids[1]}"
admin_login="${SYLLABUS_ADMIN_LOGIN:-admin}"
admin_password="${SYLLABUS_ADMIN_PASSWORD:-syllabus-admin}"
cat <<MSG

  Syllabus is running.
    Web client    http://localhost:$WEB_PORT
    API           http://localhost:$API_PORT/api/agenda   (documentation: http://localhost:$API_PORT/q/swagger-ui)

  First sign-in: open the web client, choose "Sign in", and sign in as the instructor
    login $admin_login, password $admin_password
  then set the join code on "Cohort" and share it with your students.

  Press Ctrl-C to stop.

MSG
# Either one stopping ends both. Ctrl-C reaches the children too, and when one of them handles it and
# exits (Java answers SIGINT with 130, SIGTERM with 143), bash takes the signal as the child's and
# runs no trap: such an exit is a stop, not a failure.
status=0
wait -n "${pids[@]}" || status=$?
case "$status" in 130 | 143) stopped ;; esac
exit "$status"
