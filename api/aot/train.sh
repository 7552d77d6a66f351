#!/usr/bin/env bash
# Writes the AOT cache (JEP 483/514/515) beside a packaged API: starts it from its folder with
# -XX:AOTCacheOutput=app.aot, runs the workload a real start meets (the agenda in every
# representation, the pages of the web client, signing in, joining, ticking, the cohort, the
# gradebook, the contract, a few refusals), stops it, and the JVM writes the cache as it exits.
# The cache only loads on the very JVM build that wrote it, so run this with the `java` that will
# run the API: `make api` runs it with the build's JDK 25, api/Dockerfile inside the image.
#
# Usage: api/aot/train.sh APP_DIR [SETTING=value ...]
#   APP_DIR   the packaged application (the folder holding quarkus-run.jar)
#   SETTING   environment for the training run (the database's address, for example); the JVM's
#             own options come from JAVA_TOOL_OPTIONS, as where it will run
# Needs bash, curl and java. Ports: TRAIN_PORT (18380) and the one 1000 above it.
set -euo pipefail
app_dir=$(cd "$1" && pwd)
shift
port="${TRAIN_PORT:-18380}"
api="http://127.0.0.1:$port"
management="http://127.0.0.1:$((port + 1000))"
admin_password="${SYLLABUS_ADMIN_PASSWORD:-aot-training-only}"
log=$(mktemp)
pid=""

stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=""; }
trap 'stop; rm -f "$log"' EXIT
fail() { stop; rm -f "$app_dir/app.aot"; cat "$log" >&2; echo "aot training: $*" >&2; exit 1; }

rm -f "$app_dir/app.aot"
# The JVM that assembles the cache inherits JAVA_TOOL_OPTIONS and cannot lay out this many classes
# under the API's metaspace cap: the training lifts it (the cap does not bind the classes the
# cache maps, which live outside the metaspace).
JAVA_TOOL_OPTIONS=$(sed -E 's/(^| )-XX:MaxMetaspaceSize=[^ ]*//' <<<"${JAVA_TOOL_OPTIONS:-}")
export JAVA_TOOL_OPTIONS
cd "$app_dir"
# The cache is written by a second JVM the first starts as it exits (the assembly phase); it
# needs more heap than the API's own 96 MB.
env "$@" SYLLABUS_ADMIN_PASSWORD="$admin_password" QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1000))" \
  JDK_AOT_VM_OPTIONS="-Xmx512m" \
  java -XX:AOTCacheOutput=app.aot -Xlog:aot=warning,cds=warning -jar quarkus-run.jar >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  curl -fsS -o /dev/null "$management/q/health/ready" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "the API stopped during its training start"
  sleep 0.1
done

call() { # METHOD PATH [curl options ...]: the answer's body; any status is fine (refusals are trained too)
  local method=$1 path=$2
  shift 2
  curl -sS -X "$method" "$@" "$api$path"
}
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

course=ml-in-production
run_id=$(date +%s)-$$ # students of earlier trainings on the same database keep their logins
json=(-H 'Content-Type: application/json')
for round in $(seq "${TRAIN_ROUNDS:-3}"); do
  # Reading: what every visitor and the web client ask for.
  etag=$(curl -sS -D - -o /dev/null "$api/api/agenda" | sed -n 's/^[Ee][Tt]ag: *\([^\r]*\).*/\1/p')
  call GET /api/agenda -H "If-None-Match: $etag" >/dev/null
  call GET /api/agenda -H 'Accept-Encoding: gzip' -o /dev/null
  call GET /api/agenda -H 'Origin: http://localhost:5173' >/dev/null
  for path in /api/courses "/api/courses/$course" "/api/courses/$course/agenda" "/api/courses/$course/weeks" \
    "/api/courses/$course/weeks/3" "/api/courses/$course/homework" "/api/courses/$course/homework/H2" \
    "/api/courses/$course/calendar.ics" /api/auth/providers /q/openapi "/q/openapi?format=json"; do
    call GET "$path" >/dev/null
  done
  # Refusals: an unknown course, a bad week, a malformed body.
  call GET /api/courses/no-such-course >/dev/null
  call GET "/api/courses/$course/weeks/99" >/dev/null
  call POST /api/auth/login "${json[@]}" --data '{"login":' >/dev/null

  # The instructor: signs in, opens the course to students, reads the cohort and the gradebook.
  admin=$(call POST /api/auth/login "${json[@]}" --data "{\"login\":\"admin\",\"password\":\"$admin_password\"}" | json_field token)
  [ -n "$admin" ] || fail "the administrator could not sign in"
  staff=(-H "Authorization: Bearer $admin")
  call GET /api/auth/me "${staff[@]}" >/dev/null
  call PUT "/api/courses/$course/join-code" "${staff[@]}" "${json[@]}" --data '{"code":"AOT-TRAINING"}' >/dev/null

  # A student joins and ticks.
  student=$(call POST "/api/courses/$course/enrollments" "${json[@]}" \
    --data "{\"login\":\"aot-$run_id-$round\",\"password\":\"training password $round\",\"joinCode\":\"AOT-TRAINING\"}" | json_field token)
  [ -n "$student" ] || fail "a student could not join"
  own=(-H "Authorization: Bearer $student")
  call GET "/api/courses/$course/checklist" "${own[@]}" >/dev/null
  for item in H1/PR1 H2/PR1 H2/PR2 H3/PR1; do
    call PUT "/api/courses/$course/checklist/$item/done" "${own[@]}" "${json[@]}" --data '{}' >/dev/null
  done
  call DELETE "/api/courses/$course/checklist/H2/PR2/done" "${own[@]}" >/dev/null
  call PUT "/api/courses/$course/checklist/H9/NOPE/done" "${own[@]}" "${json[@]}" --data '{}' >/dev/null
  call GET "/api/courses/$course/checklist/calendar-url" "${own[@]}" >/dev/null

  for path in "/api/courses/$course/cohort" "/api/courses/$course/cohort/summary" "/api/courses/$course/runs" \
    "/api/courses/$course/gradebook" "/api/courses/$course/history" "/api/courses/$course/roster/invites" \
    "/api/courses/$course/students/aot-$run_id-$round/checklist" "/api/courses/$course/content"; do
    call GET "$path" "${staff[@]}" >/dev/null
  done
  call GET "/api/courses/$course/cohort" "${staff[@]}" -H 'Accept: text/csv' >/dev/null
  call PUT "/api/courses/$course/students/aot-$run_id-$round/checklist/H2/PR2/done" "${staff[@]}" "${json[@]}" \
    --data '{"note":"seen in class"}' >/dev/null
  call POST /api/auth/logout "${own[@]}" >/dev/null
done

stop
[ -s "$app_dir/app.aot" ] || fail "the JVM wrote no AOT cache"
chmod a=r "$app_dir/app.aot"
echo "AOT cache: $app_dir/app.aot ($(( $(stat -c %s "$app_dir/app.aot") / 1048576 )) MB)"
