# Sourced by the benchmarks: API_ENV holds the JVM and allocator settings the container image and
# the Kubernetes manifests ship (k8s/base/api-jvm.env), for the API's process only (the load
# drivers keep their own). JAVA_OPTS, when set, is added on the command line after them.
mapfile -t API_ENV < <(grep -E '^[A-Z_]+=' k8s/base/api-jvm.env)
api_jvm_settings() {
  printf '%s ' "${API_ENV[@]}" ${JAVA_OPTS:+JAVA_OPTS=$JAVA_OPTS}
}

# cached JAR: whether the AOT cache (api/aot/train.sh) lies beside the jar.
cached() { [ -f "$(dirname "$1")/app.aot" ]; }

# launch_api JAR PORT LOG [SETTING=value ...]: starts the API with those settings and waits for
# readiness; sets api_pid, and ready_ms (launch to readiness UP). When the API dies or does not come
# up within a minute, prints its log and fails. Like the image and make run, it starts from the jar's
# folder with the AOT cache trained beside it (app.aot), unless API_AOT=off; API_JAR and API_JAVA
# name another build and java (the Java 17 reference).
launch_api() {
  local jar=${API_JAR:-$1} port=$2 log=$3 start archive=()
  shift 3
  [ "${API_AOT:-on}" = on ] && cached "$jar" && archive=(-XX:AOTCache=app.aot)
  start=$(date +%s%N)
  (cd "$(dirname "$jar")" && exec env "${API_ENV[@]}" "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1000))" \
    "${API_JAVA:-java}" "${archive[@]}" ${JAVA_OPTS:-} -jar "$(basename "$jar")") >"$log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 1200); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$((port + 1000))/q/health/ready" 2>/dev/null; then
      ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
      return 0
    fi
    kill -0 "$api_pid" 2>/dev/null || break
    sleep 0.05
  done
  cat "$log" >&2
  echo "bench: the API did not come up on port $port" >&2
  return 1
}

# time_restarts N START LABEL JAR REFERENCE: a restart with the course unchanged is what a new replica
# or a rollout costs, and one start is at the mercy of this box's noise. Stops the API and starts it
# again N times each way, in turn: as shipped (Java 25, the AOT cache), on Java 25 without the cache
# (API_AOT=off), and the REFERENCE jar (the same source built for Java 17, as it shipped before) on
# the machine's Java 17; prints every sample and the medians. Sets restart_ms (the median as shipped)
# and restart_ratio (shipped / Java 17). START is a function calling launch_api. The API is left
# running as shipped.
time_restarts() {
  local n=$1 start=$2 label=$3 jar=$4 reference=$5 shipped=() uncached=() java17=() java17_bin
  java17_bin="$(.ci/jdk 17 2>/dev/null)/bin/java" || java17_bin=""
  for _ in $(seq "$n"); do
    if [ -n "$java17_bin" ] && [ -f "$reference" ]; then
      kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null || true
      API_JAR="$reference" API_JAVA="$java17_bin" "$start"; java17+=("$ready_ms")
    fi
    kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null || true
    API_AOT=off "$start"; uncached+=("$ready_ms")
    kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null || true
    "$start"; shipped+=("$ready_ms")
  done
  restart_ms=$(median "${shipped[@]}")
  cached "$jar" || echo "  (no AOT cache beside $jar: run make api / make bench)"
  echo "API start-up to ready $label, course unchanged, median of $n:"
  echo "  Java 25 + AOT cache (shipped): ${restart_ms} ms (${shipped[*]})"
  echo "  Java 25 without the cache:     $(median "${uncached[@]}") ms (${uncached[*]})"
  if [ ${#java17[@]} -gt 0 ]; then
    restart_ratio=$(awk -v a="$restart_ms" -v b="$(median "${java17[@]}")" 'BEGIN { printf "%.2f", a / b }')
    echo "  Java 17, the same source:      $(median "${java17[@]}") ms (${java17[*]})"
    echo "  shipped / Java 17: $restart_ratio (target <= 0.45)"
  else
    restart_ratio=""
    echo "  (no Java 17 or no reference build at $reference: no ratio)"
  fi
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# memory PID: sets rss_mb, anon_mb, file_mb (resident memory, its anonymous and file-backed parts:
# the AOT cache is file-backed, shared and reclaimable) and cache_mb (how much of the cache is resident).
memory() {
  rss_mb=$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status")
  anon_mb=$(awk '/^RssAnon/ { printf "%d", $2 / 1024 }' "/proc/$1/status")
  file_mb=$(awk '/^RssFile/ { printf "%d", $2 / 1024 }' "/proc/$1/status")
  cache_mb=$(awk '/app\.aot$/ { cache = 1; next } /^[0-9a-f]+-[0-9a-f]+ / { cache = 0 } cache && /^Rss:/ { kb += $2 }
    END { printf "%d", kb / 1024 }' "/proc/$1/smaps")
}
memory_line() { echo "${rss_mb} MB resident: ${anon_mb} MB anonymous, ${file_mb} MB file-backed (${cache_mb} MB of it the AOT cache)"; }
