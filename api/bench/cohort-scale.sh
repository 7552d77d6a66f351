# Sourced by write-bench.sh while its API runs: cohort at scale. COHORT_STUDENTS (1,000) students
# with about 60 % of their items done are seeded straight into the database, then wrk loads the
# instructor's cohort page (JSON, 100 rows) and the whole cohort as CSV, 4 connections each.
"${psql_db[@]}" -v ON_ERROR_STOP=1 -v students="${COHORT_STUDENTS:-1000}" -f api/bench/cohort-scale.sql >/dev/null
admin_token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$admin_password\"}" \
  "http://127.0.0.1:$API_PORT/api/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

# cohort_load ACCEPT PATH: wrk's output for that request, 4 connections for COHORT_SECONDS (10)
cohort_load() {
  wrk -t2 -c4 -d"${COHORT_SECONDS:-10}s" --latency -H "Authorization: Bearer $admin_token" -H "Accept: $1" \
    "http://127.0.0.1:$API_PORT$2"
}
# p99 of a wrk report, in milliseconds
wrk_p99_ms() {
  awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
    else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.1f", v }' "$1"
}
cohort_url=/api/courses/ml-in-production/cohort
curl -fsS -o /dev/null -H "Authorization: Bearer $admin_token" "http://127.0.0.1:$API_PORT$cohort_url?size=100"
cohort_load application/json "$cohort_url?size=100&page=3" >"$work/cohort-page.txt"
cohort_load text/csv "$cohort_url" >"$work/cohort-csv.txt"
echo "Cohort at scale: ${COHORT_STUDENTS:-1000} students x 16 homework, 4 connections"
for kind in page csv; do
  echo "  $kind: p99 $(wrk_p99_ms "$work/cohort-$kind.txt") ms, $(awk '/Requests\/sec/ { print $2 }' "$work/cohort-$kind.txt") requests/s$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$work/cohort-$kind.txt" | sed 's/^/, /')"
done
