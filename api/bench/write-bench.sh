#!/usr/bin/env bash
# The write path on PostgreSQL: starts a throwaway PostgreSQL server and the production (PostgreSQL)
# build of the API, then runs WriteBench.java: many students ticking and unticking items at once,
# requests per second and latency percentiles, and a check from the database that no acknowledged
# change was lost. Then the reference, on the same box and database in the same run: pgbench with
# as many clients running the transaction a tick makes (update one progress row, insert one history
# row), and the API's ratio to it. Settings (environment): STUDENTS (50), DURATION (seconds, 15), WARMUP (seconds of unmeasured load first, 180: on two cores the JIT needs about three minutes to compile the hot path; the warm-up curve is printed).
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=api/target/postgresql/quarkus-app/quarkus-run.jar
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
DB_PORT=15440
API_PORT=18090
work=$(mktemp -d)
chmod 755 "$work"
api_pid=""
run_as_postgres=()
[ "$(id -u)" -eq 0 ] && run_as_postgres=(runuser -u postgres --)

cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null || true
  [ -n "$PG_BIN" ] && "${run_as_postgres[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[ -n "$PG_BIN" ] || { echo "write bench: PostgreSQL server binaries are missing (make bench installs postgresql)" >&2; exit 1; }
[ -f "$JAR" ] || { echo "write bench: $JAR is missing: run make api-postgres" >&2; exit 1; }
driver=$(ls api/target/postgresql/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)
password=$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)
admin_password=$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)

mkdir -p "$work/pg"
[ ${#run_as_postgres[@]} -gt 0 ] && chown postgres "$work/pg"
printf '%s' "$password" >"$work/pwfile" && chmod 644 "$work/pwfile"
"${run_as_postgres[@]}" "$PG_BIN/initdb" -D "$work/pg" -U syllabus --pwfile="$work/pwfile" -A scram-sha-256 >/dev/null
"${run_as_postgres[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -o "-p $DB_PORT -k $work/pg -c max_connections=200 ${PG_OPTIONS:-}" -l "$work/pg/log" -w start >/dev/null
PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p $DB_PORT -U syllabus -d postgres -qc "create database syllabus" >/dev/null

source api/bench/api-jvm.sh
start_api() {
  launch_api "$JAR" "$API_PORT" "$work/api.log" SYLLABUS_DB_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/syllabus" \
    SYLLABUS_DB_USER=syllabus SYLLABUS_DB_PASSWORD="$password" SYLLABUS_ADMIN_PASSWORD="$admin_password" \
    SYLLABUS_WEBHOOKS_ALLOW_LOCAL_TARGETS=true
}
start_api

java -cp "$driver" api/bench/WriteBench.java --api "http://127.0.0.1:$API_PORT" --students "${STUDENTS:-50}" --seconds "${DURATION:-15}" --warmup "${WARMUP:-180}" \
  --admin-password "$admin_password" --jdbc "jdbc:postgresql://127.0.0.1:$DB_PORT/syllabus" --db-user syllabus --db-password "$password" \
  | tee "$work/api-bench.txt"
api_rate=$(sed -n 's/.*, \([0-9]*\) requests\/s/\1/p' "$work/api-bench.txt")
# The same, warm, with 10 students: the latency a quiet class sees.
java -cp "$driver" api/bench/WriteBench.java --api "http://127.0.0.1:$API_PORT" --students 10 --seconds "${DURATION:-15}" --warmup 5 \
  --admin-password "$admin_password" --jdbc "jdbc:postgresql://127.0.0.1:$DB_PORT/syllabus" --db-user syllabus --db-password "$password" \
  | tee "$work/api-bench-10.txt"
memory "$api_pid"

echo "  API memory after the runs: $(memory_line) ($(api_jvm_settings))"

# Events out: ticks with a webhook subscription, delivered to a receiver in the bench as fast as it answers.
java -cp "$driver" api/bench/EventsBench.java --api "http://127.0.0.1:$API_PORT" --students "${EVENT_STUDENTS:-20}" \
  --seconds "${DURATION:-15}" --admin-password "$admin_password" | tee "$work/events.txt"

export PGPASSWORD="$password"
psql_db=("$PG_BIN/psql" -h 127.0.0.1 -p $DB_PORT -U syllabus -d syllabus -qAt)
# The pgbench reference ticks the rows the write benchmark's students made, not the seeded cohort's.
"${psql_db[@]}" -c "create table bench_rows as select row_number() over (order by id) as n, id from progress" >/dev/null
source api/bench/cohort-scale.sh

# Start-up on PostgreSQL with the course unchanged: the API stopped and started again on the same database.
time_restarts "${RESTARTS:-5}" start_api "on PostgreSQL" "$JAR" api/target/java17-postgresql/quarkus-app/quarkus-run.jar

# The reference: the API stopped, pgbench runs a tick's transaction on the rows the students made.
kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null || true; api_pid=""
rows=$("${psql_db[@]}" -c "select count(*) from bench_rows")
cat >"$work/tick.sql" <<SQL
\\set n random(1, $rows)
BEGIN;
UPDATE progress SET done = NOT done, version = version + 1, updated_at = now() WHERE id = (SELECT id FROM bench_rows WHERE n = :n);
INSERT INTO progress_event (id, course_id, account_id, item_id, action, at)
  SELECT nextval('progress_event_seq'), course_id, account_id, item_id, 'DONE', now() FROM progress WHERE id = (SELECT id FROM bench_rows WHERE n = :n);
END;
SQL
clients=${STUDENTS:-50}
"$PG_BIN/pgbench" -h 127.0.0.1 -p $DB_PORT -U syllabus -n -c "$clients" -j 2 -T "${DURATION:-15}" -f "$work/tick.sql" syllabus \
  >"$work/pgbench.txt" 2>&1 || { cat "$work/pgbench.txt"; exit 1; }
pg_rate=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' "$work/pgbench.txt" | head -1)
echo "Reference: pgbench, $clients clients running a tick's transaction (update a progress row, insert a history row) for ${DURATION:-15} s"
echo "  $pg_rate transactions/s"
awk -v a="$api_rate" -v p="$pg_rate" 'BEGIN { printf "  API / pgbench: %.2f (target: 2,000 ticks/s, ratio 0.5 or better)\n", a / p }'

p99() { sed -n 's/.* p99 \([0-9.]*\)ms .*/\1/p' "$1"; }
lost() { sed -n 's/.*, \([0-9]*\) lost updates.*/\1/p' "$1"; }
source api/bench/record.sh
record "Ticks/s, ${STUDENTS:-50} students (PostgreSQL)" "$api_rate" "/s" ">=" 2000
record "Tick p99, ${STUDENTS:-50} students" "$(p99 "$work/api-bench.txt")" "ms" "<=" 60
record "Tick p99, 10 students" "$(p99 "$work/api-bench-10.txt")" "ms" "<=" 10
record "Ticks: API / pgbench" "$(awk -v a="$api_rate" -v p="$pg_rate" 'BEGIN { printf "%.2f", a / p }')" "x" ">=" 0.73
events_figure() { sed -n "s/.*figures: .*$1 \([0-9.]*\).*/\1/p" "$work/events.txt"; }
# The sender keeps up when events go out as fast as the ticks that make them are acknowledged.
record "Webhook events delivered/s (>= 0.95 of the ticks/s)" "$(events_figure 'events\/s')" "/s" ">=" \
  "$(awk -v t="$(events_figure 'ticks\/s')" 'BEGIN { printf "%.0f", t * 0.95 }')"
record "Webhook commit to delivery p50" "$(events_figure 'p50')" "ms" "<=" 100
record "Webhook commit to delivery p99" "$(events_figure 'p99')" "ms" "<=" 1000
record "Webhook events lost" "$(events_figure 'lost')" "" "=" 0
record "Lost updates" "$(( $(lost "$work/api-bench.txt") + $(lost "$work/api-bench-10.txt") ))" "" "=" 0
record "Resident memory after the write bench" "$rss_mb" "MB" "<=" 285
record "Start-up to ready, PostgreSQL, course unchanged" "$restart_ms" "ms" "<=" 2000
[ -n "$restart_ratio" ] && record "Start-up, PostgreSQL: Java 25 + AOT cache / Java 17" "$restart_ratio" "x" "<=" 0.45
record "Cohort page of 100 p99, ${COHORT_STUDENTS:-1000} students" "$(wrk_p99_ms "$work/cohort-page.txt")" "ms" "<=" 100
record "Cohort CSV p99, ${COHORT_STUDENTS:-1000} students" "$(wrk_p99_ms "$work/cohort-csv.txt")" "ms" "<=" 1000
