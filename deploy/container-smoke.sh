#!/usr/bin/env bash
# The container smoke test, run by `make test`: builds both images (on local Debian bases when no
# registry is reachable), runs PostgreSQL, the API and the web image on the host network and
# checks through the web container that the app, its deep links, the API (from PostgreSQL) and
# the security headers are right; then does the same with the rendered Kubernetes manifests
# through `podman kube play` (two API replicas behind the web client, one restarted under load:
# no request may fail). Uses docker where a Docker engine answers, podman otherwise.
# Stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib/engine.sh
source deploy/lib/secrets.sh
pick_engine
ensure_smoke_secrets

DB=syllabus-smoke-db
API=syllabus-smoke-api
WEB=syllabus-smoke-web
DB_PORT=15432
work=$(mktemp -d)
played=""
secrets=()
load=() # the load's background loops, stopped however the script ends

remove() { # one container at a time: podman gives up on the rest when one name is missing
  for name in "$@"; do $ENGINE rm -f "$name" >/dev/null 2>&1 || true; done
}
cleanup() {
  [ ${#load[@]} = 0 ] || kill "${load[@]}" 2>/dev/null || true
  [ -n "$played" ] && $ENGINE kube down "$played" >/dev/null 2>&1 || true
  for name in "${secrets[@]}"; do $ENGINE secret rm "$name" >/dev/null 2>&1 || true; done
  remove "$WEB" "$API" "$DB"
  rm -rf "$work"
}
trap cleanup EXIT

# The layers that passed, counted as they pass; any failure exits through fail.
layers=()
passed() { layers+=("$1"); }

fail() {
  echo "container smoke: $*" >&2
  # The containers of either step: the ones run by name, then those kube play made (pod-named).
  for c in "$DB" "$API" "$WEB" $($ENGINE ps -a --format '{{.Names}}' 2>/dev/null | grep -E '^syllabus-.*pod' || true); do
    $ENGINE container exists "$c" 2>/dev/null || continue
    echo "--- last lines of $c ($($ENGINE inspect --format '{{.State.Status}}, exit {{.State.ExitCode}}' "$c" 2>/dev/null))" >&2
    $ENGINE logs --tail 30 "$c" >&2 2>/dev/null || true
  done
  exit 1
}

wait_for() { # url seconds
  for _ in $(seq 1 $(( $2 * 4 ))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.25
  done
  fail "nothing answered at $1 within $2 s"
}

expect_header() { # headers-file header pattern
  grep -qiE "^$2: .*$3" "$1" || fail "missing or wrong header $2 (want /$3/) in $(basename "$1")"
}

check_through_web() { # base-url label
  local base=$1 label=$2
  curl -fsS -D "$work/index.h" -o "$work/index.html" "$base/" || fail "$label: / did not answer"
  grep -q '<div id="app">' "$work/index.html" || fail "$label: / does not serve the app"
  expect_header "$work/index.h" Content-Security-Policy "frame-ancestors 'self'"
  expect_header "$work/index.h" Content-Security-Policy "default-src 'self'"
  expect_header "$work/index.h" X-Content-Type-Options nosniff
  expect_header "$work/index.h" Referrer-Policy strict-origin-when-cross-origin
  expect_header "$work/index.h" Cache-Control no-cache

  curl -fsS -o "$work/deep.html" "$base/weeks/3" || fail "$label: deep link /weeks/3 failed"
  cmp -s "$work/index.html" "$work/deep.html" || fail "$label: /weeks/3 is not index.html"

  local asset
  asset=$(grep -oE '/assets/[^"]+\.js' "$work/index.html" | head -1)
  curl -fsS -D "$work/asset.h" -o /dev/null -H 'Accept-Encoding: gzip' "$base$asset" || fail "$label: $asset failed"
  expect_header "$work/asset.h" Cache-Control "max-age=31536000"
  expect_header "$work/asset.h" Content-Encoding gzip

  curl -fsS -D "$work/agenda.h" -o "$work/agenda.json" "$base/api/agenda" || fail "$label: /api/agenda failed"
  grep -q '"title":"Machine Learning in Production"' "$work/agenda.json" || fail "$label: /api/agenda is not the course"
  expect_header "$work/agenda.h" ETag '"'
  expect_header "$work/agenda.h" X-Content-Type-Options nosniff
  echo "  $label: app, deep link, caching, gzip, security headers and /api/agenda are right"
}

# A rolling restart as Kubernetes does it, under load: one API replica is stopped (SIGTERM, then
# Quarkus finishes what is in flight) and started again while four clients keep reading through
# the web client, which balances the two replicas and retries what a stopping one refused.
restart_under_load() { # base-url
  local base=$1 pod loops=4 i
  pod=$($ENGINE pod ps --format '{{.Name}}' | grep '^syllabus-api' | grep -v 'api-b' | head -1)
  [ -n "$pod" ] || fail "no API pod to restart"
  rm -f "$work/stop" "$work"/load-*
  for i in $(seq 1 $loops); do
    ( while [ ! -f "$work/stop" ]; do
        for path in /api/courses/ml-in-production/agenda /api/courses /api/courses/ml-in-production/weeks/3; do
          curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 "$base$path" || echo 000
        done
      done >"$work/load-$i" ) &
    load+=($!)
  done
  sleep 2
  $ENGINE pod stop -t 30 "$pod" >/dev/null
  local restarted=$SECONDS
  $ENGINE pod start "$pod" >/dev/null
  wait_for http://127.0.0.1:19180/q/health/ready 120
  restarted=$(( SECONDS - restarted ))
  sleep 2
  touch "$work/stop"
  wait "${load[@]}"
  load=()
  local total failed
  total=$(cat "$work"/load-* | wc -l)
  failed=$(grep -cv '^200$' <(cat "$work"/load-*) || true)
  echo "  rolling restart of $pod under load: ready again after ${restarted} s; $total requests, $failed failed"
  [ "$total" -gt 100 ] || fail "the load was too light to prove anything ($total requests)"
  if [ "$failed" != 0 ]; then
    for c in $($ENGINE ps -a --format '{{.Names}}' | grep -E 'syllabus-(web|api)-.*pod'); do
      echo "--- last errors of $c" >&2
      $ENGINE logs "$c" 2>&1 | grep -iE 'error|warn|upstream|shut' | sed -E 's/^.{0,20}\[/[/; s/client:.*//; s/[0-9]+#[0-9]+: \*[0-9]+ //' | sort | uniq -c | sort -rn | head -12 >&2 || true
    done
  fi
  [ "$failed" = 0 ] || fail "$failed of $total requests failed while an API replica restarted: $(grep -v '^200$' <(cat "$work"/load-*) | sort | uniq -c | tr '\n' ' ')"
}

check_from_postgres() {
  local title
  title=$($ENGINE exec -e PGPASSWORD="$(secret_value SYLLABUS_DB_PASSWORD)" "$DB" \
    psql -h 127.0.0.1 -p "$DB_PORT" -U syllabus -d syllabus -tAc "select title from course where slug = 'ml-in-production'")
  [ "$title" = "Machine Learning in Production" ] || fail "the course is not in PostgreSQL (got '$title')"
  echo "  the course was imported into PostgreSQL"
}

echo "Building images ..."
deploy/images.sh
if $ENGINE image inspect localhost/syllabus-postgres:bookworm >/dev/null 2>&1; then
  pg_image=localhost/syllabus-postgres:bookworm
else
  pg_image=$(kubectl kustomize k8s/overlays/kind 2>/dev/null | sed -n 's/^ *image: \(postgres:.*\)$/\1/p' | head -1)
fi

echo "Running PostgreSQL ($pg_image), the API and the web image on the host network ..."
remove "$WEB" "$API" "$DB"
# Pods an interrupted earlier run left would talk to the new database (they are on the host network).
[ "$ENGINE" = podman ] && { $ENGINE pod ps --format '{{.Name}}' | grep -E '^syllabus-(api|api-b|web)-pod' | xargs -r $ENGINE pod rm -f >/dev/null 2>&1 || true; }
$ENGINE run -d --name "$DB" --network host --user 999:999 -e POSTGRES_USER=syllabus -e POSTGRES_DB=syllabus \
  -e POSTGRES_PASSWORD="$(secret_value SYLLABUS_DB_PASSWORD)" -e PGPORT=$DB_PORT "$pg_image" >/dev/null
for _ in $(seq 1 120); do
  $ENGINE exec "$DB" pg_isready -q -h 127.0.0.1 -p $DB_PORT 2>/dev/null && break
  sleep 0.5
done
$ENGINE exec "$DB" pg_isready -q -h 127.0.0.1 -p $DB_PORT || fail "PostgreSQL did not start"

database=(-e SYLLABUS_DB_URL=jdbc:postgresql://127.0.0.1:$DB_PORT/syllabus -e SYLLABUS_DB_USER=syllabus
  -e SYLLABUS_DB_PASSWORD="$(secret_value SYLLABUS_DB_PASSWORD)" -e SYLLABUS_ADMIN_PASSWORD="$(secret_value SYLLABUS_ADMIN_PASSWORD)")
# As the manifests do: the migrate step (the pod's init container) migrates the new database and
# exits; the API then only validates the schema.
timeout 180 $ENGINE run --rm --network host --read-only --tmpfs /tmp "${database[@]}" \
  -e QUARKUS_INIT_AND_EXIT=true -e QUARKUS_FLYWAY_MIGRATE_AT_START=true syllabus-api:1.0.0 >"$work/migrate.log" 2>&1 \
  || fail "the migrate step failed or did not exit: $(tail -20 "$work/migrate.log")"
grep -q 'Successfully applied [0-9]* migrations' "$work/migrate.log" || fail "the migrate step applied no migration: $(tail -20 "$work/migrate.log")"
echo "  the migrate step migrated the new database and exited ($(grep -o 'Successfully applied [0-9]* migrations' "$work/migrate.log"))"
# Sign-in with GitHub against the browser tests' fake GitHub, so those tests run here too.
# (Its port is none the manifests' pods use later; it stops once the browser tests are done.)
FAKE_GITHUB_PORT=18390 node web-client/e2e/fake-github.mjs >"$work/fake-github.log" 2>&1 &
fake_github=$!
load+=("$fake_github")
wait_for http://127.0.0.1:18390/ 20
$ENGINE run -d --name "$API" --network host --read-only --tmpfs /tmp "${database[@]}" \
  -e QUARKUS_FLYWAY_MIGRATE_AT_START=false -e QUARKUS_FLYWAY_VALIDATE_AT_START=true \
  -e SYLLABUS_TRUSTED_PROXIES=127.0.0.1 -e QUARKUS_HTTP_PORT=18080 \
  -e SYLLABUS_PUBLIC_URL=http://127.0.0.1:18081 -e SYLLABUS_GITHUB_CLIENT_ID=e2e-client \
  -e SYLLABUS_GITHUB_CLIENT_SECRET=e2e-client-secret -e SYLLABUS_GITHUB_OAUTH_URL=http://127.0.0.1:18390 \
  -e SYLLABUS_GITHUB_API_URL=http://127.0.0.1:18390 syllabus-api:1.0.0 >/dev/null
$ENGINE run -d --name "$WEB" --network host --read-only --tmpfs /tmp \
  -e SYLLABUS_API_UPSTREAM=http://127.0.0.1:18080 -e SYLLABUS_WEB_PORT=18081 syllabus-web:1.0.0 >/dev/null
wait_for http://127.0.0.1:18081/api/agenda 120
[ "$($ENGINE exec "$API" id -u)" = 10001 ] || fail "the API runs as root"
[ "$($ENGINE exec "$WEB" id -u)" = 10001 ] || fail "the web server runs as root"
# The application's files belong to root and are read-only to the user it runs as.
[ -z "$($ENGINE exec "$API" find /app -writable)" ] || fail "the API's user can write its own files"
[ "$($ENGINE exec "$API" stat -c %u /app/quarkus-run.jar)" = 0 ] || fail "the API's files are not owned by root"
! $ENGINE exec "$WEB" sh -c 'ls /usr/share/syllabus/assets/*.map' >/dev/null 2>&1 || fail "the web image ships source maps"
echo "  the API's files are root's and read-only to its user; the web image has no source maps"
# The JVM maps its AOT cache only when the cache fits it (the very JVM build that trained it, the same
# files); otherwise it starts without, slower. Mapped means the image's training and its runtime agree.
$ENGINE exec "$API" grep -q /app/app.aot /proc/1/maps || fail "the API started without its AOT cache (/app/app.aot)"
echo "  the API maps its AOT cache (/app/app.aot, trained in the image build)"
check_through_web http://127.0.0.1:18081 containers
check_from_postgres
passed "the images on PostgreSQL"

echo "The browser smoke (@smoke) against the web container and PostgreSQL: reading, writing, GitHub, a download ..."
# The whole browser suite ran against the production build, under these security headers; here the
# tests tagged @smoke show the images work together. Each must pass: none skipped, the count counted.
smoke_env=(E2E_BASE_URL=http://127.0.0.1:18081 E2E_ADMIN_PASSWORD="$(secret_value SYLLABUS_ADMIN_PASSWORD)" E2E_FAKE_GITHUB_PORT=18390)
tagged=$(cd web-client && env "${smoke_env[@]}" npx playwright test --project=e2e --grep @smoke --list | sed -nE 's/^Total: ([0-9]+) tests?.*/\1/p')
[ "${tagged:-0}" -gt 0 ] || fail "no browser test is tagged @smoke"
(cd web-client && env "${smoke_env[@]}" npx playwright test --project=e2e --grep @smoke --reporter=dot) | tee "$work/e2e.log" \
  || fail "browser tests failed"
grep -qE "^ *$tagged passed" "$work/e2e.log" || fail "expected $tagged browser tests to pass against the containers: $(tail -3 "$work/e2e.log")"
passed "the browser smoke against the containers ($tagged tests)"
remove "$WEB" "$API"
kill "$fake_github" 2>/dev/null || true

echo "Playing the rendered manifests (k8s/overlays/podman-smoke) with $ENGINE kube play ..."
# Every layer runs or fails: none is skipped because the engine differs.
if [ "$ENGINE" != podman ]; then
  fail "kube play needs podman (this run picked $ENGINE): run with ENGINE=podman"
else
  played="$work/smoke.yaml"
  [ -d k8s/validate/node_modules ] || (cd k8s/validate && npm ci --no-audit --no-fund --silent)
  mkdir -p "$work/secrets"
  kubectl kustomize k8s/overlays/podman-smoke | node k8s/validate/second-replica.mjs \
    | node k8s/validate/split-secrets.mjs "$work/secrets" >"$played"
  for secret in "$work"/secrets/*.json; do
    name=$(basename "$secret" .json)
    secrets+=("$name")
    $ENGINE secret rm "$name" >/dev/null 2>&1 || true
    $ENGINE secret create "$name" "$secret" >/dev/null
  done
  # What an interrupted earlier run may have left.
  $ENGINE pod ps --format '{{.Name}}' | grep -E '^syllabus-(api|api-b|web)-pod' | xargs -r $ENGINE pod rm -f >/dev/null 2>&1 || true
  # podman logs harmless systemd health-check complaints on hosts without systemd: keep them aside.
  $ENGINE kube play --quiet "$played" >/dev/null 2>"$work/kube-play.log" || fail "kube play failed: $(cat "$work/kube-play.log")"
  wait_for http://127.0.0.1:18181/api/agenda 120
  # Both replicas ready before their ports are checked: the web answers as soon as either is.
  wait_for http://127.0.0.1:19180/q/health/ready 60
  wait_for http://127.0.0.1:19182/q/health/ready 60
  # Health and metrics answer on the management interface only, never on the public port.
  [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18180/q/metrics)" = 404 ] || fail "the API serves /q/metrics on its public port"
  curl -fsS -o /dev/null http://127.0.0.1:19180/q/metrics || fail "the API serves no metrics on its management interface"
  echo "  kube play: health and metrics on the management interface (19180) only"
  check_through_web http://127.0.0.1:18181 "kube play"
  restart_under_load http://127.0.0.1:18181
  $ENGINE kube down "$played" >/dev/null 2>&1 || true
  played=""
  passed "the manifests with kube play, and a rolling restart under load"
fi
joined=$(printf '%s; ' "${layers[@]}")
echo "container-smoke: ${#layers[@]} layers passed (${joined%; }), 0 failed"
