#!/usr/bin/env bash
# Serves the same agenda bytes from nginx (as a static file) and from the API, loads both with wrk
# in one run on this machine, and prints throughput, latency percentiles and the API/nginx ratio
# for a 200, for a 304 (If-None-Match) and for a 200 gzipped (what browsers ask for: nginx serves the
# API's own gzip bytes with gzip_static). Also prints the API's start-up time and memory.
#
# Settings (environment): DURATION (seconds per run, 10), CONNECTIONS (the counts to run, "32 50"), THREADS (2),
# RESTARTS (timed restarts with the course unchanged, 5).
# The API runs with the JVM settings the image and the manifests ship (k8s/base/api-jvm.env);
# JAVA_OPTS adds to them (for example -Xmx256m to see what a larger heap changes).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32 50}"
THREADS="${THREADS:-2}"
API_PORT=18080
NGINX_PORT=18081
JAR=api/target/quarkus-app/quarkus-run.jar
work=$(mktemp -d)
chmod 755 "$work" # nginx's workers run as an unprivileged user and must read the files
api_pid=""
nginx_pid=""

cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk nginx curl java; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (make bench installs wrk and nginx-light)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "bench: $JAR is missing: run make api" >&2; exit 1; }

# ---- the API, on a fresh embedded database
source api/bench/api-jvm.sh
wait_for() { # url pid what
  for _ in $(seq 1 1200); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.05
  done
  echo "bench: $3 did not come up at $1" >&2
  exit 1
}
start_api() { launch_api "$JAR" "$API_PORT" "$work/api.log" SYLLABUS_DB_URL="jdbc:h2:file:$work/db/syllabus"; }
start_api

curl -fsS -D "$work/headers" -o "$work/agenda.json" "http://127.0.0.1:$API_PORT/api/agenda"
api_etag=$(grep -i '^etag:' "$work/headers" | cut -d' ' -f2 | tr -d '\r')

# ---- nginx, serving the very same bytes as a static file, and the API's gzip beside it (gzip_static)
mkdir -p "$work/www/api" "$work/nginx"
cp "$work/agenda.json" "$work/www/api/agenda"
curl -fsS -H 'Accept-Encoding: gzip' -o "$work/www/api/agenda.gz" "http://127.0.0.1:$API_PORT/api/agenda"
chmod -R a+rX "$work/www"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx;
  proxy_temp_path $work/nginx;
  fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx;
  scgi_temp_path $work/nginx;
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
    etag on;
    gzip_static on;
    gzip_vary on;
    add_header Cache-Control "public, max-age=60, must-revalidate";
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!
wait_for "http://127.0.0.1:$NGINX_PORT/api/agenda" "$nginx_pid" "nginx"
nginx_etag=$(curl -fsSI "http://127.0.0.1:$NGINX_PORT/api/agenda" | grep -i '^etag:' | cut -d' ' -f2 | tr -d '\r')

cmp -s "$work/agenda.json" <(curl -fsS "http://127.0.0.1:$NGINX_PORT/api/agenda") \
  || { echo "bench: nginx does not serve the API's bytes" >&2; exit 1; }
cmp -s "$work/agenda.json" <(curl -fsS --compressed "http://127.0.0.1:$NGINX_PORT/api/agenda") \
  && cmp -s "$work/www/api/agenda.gz" <(curl -fsS -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT/api/agenda") \
  || { echo "bench: nginx does not serve the API's gzipped bytes" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $api_etag" "http://127.0.0.1:$API_PORT/api/agenda")" = 304 ] \
  || { echo "bench: the API does not answer If-None-Match with 304" >&2; exit 1; }

# ---- load
run() { # connections name url [header] -> "rps p50 p90 p99 non2xx3xx"
  local connections=$1
  shift
  local out
  if [ -n "${3:-}" ]; then
    out=$(wrk -t"$THREADS" -c"$connections" -d"${DURATION}s" --latency -H "$3" "$2")
  else
    out=$(wrk -t"$THREADS" -c"$connections" -d"${DURATION}s" --latency "$2")
  fi
  echo "$out" >"$work/wrk-$1.txt"
  local rps p50 p90 p99 bad total
  # Only 2xx and 3xx answers count: wrk's own rate includes errors, which would flatter a failing server.
  total=$(awk '/ requests in / {print $1}' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out")
  rps=$(awk -v r="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")" -v t="$total" -v b="${bad:-0}" \
    'BEGIN { printf "%.2f", (t > 0) ? r * (t - b) / t : 0 }')
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p90=$(awk '$1=="90%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "$rps $p50 $p90 $p99 ${bad:-0}"
}

# On two cores the JIT takes longer than one run to finish with the fast path: each kind of request
# is loaded in 5 s rounds until two rounds in a row agree within 5% (at most 8), so that the figures
# below are the API's steady state, as nginx's are from its first request.
warm_up() { # name url [header]
  local previous=0 rps rounds
  for rounds in 1 2 3 4 5 6 7 8; do
    rps=$(DURATION=5 run "${CONNECTIONS##* }" "warmup-$1" "${@:2}")
    rps=${rps%% *}
    awk -v a="$rps" -v b="$previous" 'BEGIN { exit !(b > 0 && a < b * 1.05 && a > b * 0.95) }' && break
    previous=$rps
  done
  echo "  $1: steady at ${rps%.*} requests/s after $rounds rounds of 5 s"
}
echo "Warming up the API (JIT) ..."
warm_up 200 "http://127.0.0.1:$API_PORT/api/agenda"
warm_up 304 "http://127.0.0.1:$API_PORT/api/agenda" "If-None-Match: $api_etag"
warm_up gzip "http://127.0.0.1:$API_PORT/api/agenda" "Accept-Encoding: gzip"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { read -r rps p50 p90 p99 bad <<<"$2"; printf "%-12s %12s %10s %10s %10s %8s\n" "$1" "$rps" "$p50" "$p90" "$p99" "$bad"; }
source api/bench/record.sh

for connections in $CONNECTIONS; do
  api_200=$(run "$connections" api-200 "http://127.0.0.1:$API_PORT/api/agenda")
  nginx_200=$(run "$connections" nginx-200 "http://127.0.0.1:$NGINX_PORT/api/agenda")
  api_304=$(run "$connections" api-304 "http://127.0.0.1:$API_PORT/api/agenda" "If-None-Match: $api_etag")
  nginx_304=$(run "$connections" nginx-304 "http://127.0.0.1:$NGINX_PORT/api/agenda" "If-None-Match: $nginx_etag")
  # What browsers ask for: every one of them takes gzip.
  api_gzip=$(run "$connections" api-gzip "http://127.0.0.1:$API_PORT/api/agenda" "Accept-Encoding: gzip")
  nginx_gzip=$(run "$connections" nginx-gzip "http://127.0.0.1:$NGINX_PORT/api/agenda" "Accept-Encoding: gzip")
  echo
  echo "Agenda: $(wc -c <"$work/agenda.json") bytes; wrk -t$THREADS -c$connections -d${DURATION}s on $(nproc) cores"
  printf "%-12s %12s %10s %10s %10s %8s\n" "" "requests/s" "p50" "p90" "p99" "errors"
  row "api 200" "$api_200"
  row "nginx 200" "$nginx_200"
  row "api 304" "$api_304"
  row "nginx 304" "$nginx_304"
  row "api gzip" "$api_gzip"
  row "nginx gzip" "$nginx_gzip"
  echo "ratio api/nginx, 200: $(ratio "${api_200%% *}" "${nginx_200%% *}")  (target >= 1.0)"
  echo "ratio api/nginx, 304: $(ratio "${api_304%% *}" "${nginx_304%% *}")  (target >= 1.0)"
  echo "ratio api/nginx, 200 gzipped: $(ratio "${api_gzip%% *}" "${nginx_gzip%% *}")  (target >= 1.0)"
  record "Agenda 200, $connections connections: API / nginx" "$(ratio "${api_200%% *}" "${nginx_200%% *}")" "x" ">=" 1.0
  record "Agenda 304, $connections connections: API / nginx" "$(ratio "${api_304%% *}" "${nginx_304%% *}")" "x" ">=" 1.0
  record "Agenda 200 gzipped, $connections connections: API / nginx" "$(ratio "${api_gzip%% *}" "${nginx_gzip%% *}")" "x" ">=" 1.0
done
memory "$api_pid"
echo
echo "API start-up to ready: ${ready_ms} ms on a fresh database (migrations, course import; $(grep -o 'started in [0-9.]*s' "$work/api.log"))"
echo "API memory after the run: $(memory_line) ($(api_jvm_settings))"

# ---- start-up again, on the same database with the course unchanged: what a restart or a new replica costs
time_restarts "${RESTARTS:-5}" start_api "on the embedded database" "$JAR" api/target/java17-h2/quarkus-app/quarkus-run.jar

record "Start-up to ready, embedded database, course unchanged" "$restart_ms" "ms" "<=" 1500
[ -n "$restart_ratio" ] && record "Start-up, embedded: Java 25 + AOT cache / Java 17" "$restart_ratio" "x" "<=" 0.45
record "Resident memory after the agenda bench" "$rss_mb" "MB" "<=" 245
shipped_anon_mb=$anon_mb

# ---- memory side by side: the Java 17 build of the same source after the same agenda load
java17="$(.ci/jdk 17 2>/dev/null)/bin/java" || java17=""
reference=api/target/java17-h2/quarkus-app/quarkus-run.jar
if [ -n "$java17" ] && [ -f "$reference" ]; then
  kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null || true
  API_JAR="$reference" API_JAVA="$java17" start_api
  wrk -t"$THREADS" -c"${CONNECTIONS##* }" -d"${DURATION}s" "http://127.0.0.1:$API_PORT/api/agenda" >/dev/null
  wrk -t"$THREADS" -c"${CONNECTIONS##* }" -d"${DURATION}s" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$API_PORT/api/agenda" >/dev/null
  memory "$api_pid"
  echo "Java 17 build of the same source after ${DURATION} s of 200s and ${DURATION} s of gzip: $(memory_line)"
  record "  Anonymous memory: Java 25 + cache / Java 17" "$(awk -v a="$shipped_anon_mb" -v b="$anon_mb" 'BEGIN { printf "%.2f", a / b }')" "x" "<=" 1.0
fi
