# Sourced by the benchmarks: API_ENV holds the JVM and allocator settings the container image and
# the Kubernetes manifests ship (k8s/base/api-jvm.env), for the API's process only (the load
# drivers keep their own). JAVA_OPTS, when set, is added on the command line after them.
mapfile -t API_ENV < <(grep -E '^[A-Z_]+=' k8s/base/api-jvm.env)
api_jvm_settings() {
  printf '%s ' "${API_ENV[@]}" ${JAVA_OPTS:+JAVA_OPTS=$JAVA_OPTS}
}

# archived JAR: whether Quarkus wrote a class-data archive beside the jar.
archived() { [ -f "$(dirname "$1")/app-cds.jsa" ]; }

# launch_api JAR PORT LOG [SETTING=value ...]: starts the API with those settings and waits for
# readiness; sets api_pid, and ready_ms (launch to readiness UP). When the API dies or does not come
# up within a minute, prints its log and fails. Like the image, it maps the class-data archive
# Quarkus wrote beside the jar (app-cds.jsa, built with quarkus.package.jar.appcds.enabled), which
# holds the jar's path as Quarkus gave it: relative, so the API starts in the jar's folder.
launch_api() {
  local jar=$1 port=$2 log=$3 start archive=()
  shift 3
  [ "${API_CDS:-on}" = on ] && archived "$jar" && archive=(-XX:SharedArchiveFile=app-cds.jsa)
  start=$(date +%s%N)
  (cd "$(dirname "$jar")" && exec env "${API_ENV[@]}" "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1000))" \
    java "${archive[@]}" ${JAVA_OPTS:-} -jar "$(basename "$jar")") >"$log" 2>&1 &
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

# time_restarts N START LABEL JAR: a restart with the course unchanged is what a new replica or a rollout
# costs, and one start is at the mercy of this box's noise: stops the API, starts it again N times
# with START (a function calling launch_api) and, when there is a class-data archive, alternately
# N times without it (API_CDS=off), and prints both medians and every sample; sets restart_ms (the
# median as shipped, with the archive). The API is left running.
time_restarts() {
  local n=$1 start=$2 label=$3 jar=$4 with=() without=()
  for _ in $(seq "$n"); do
    kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null || true
    "$start"; with+=("$ready_ms")
    if archived "$jar"; then
      kill "$api_pid"; wait "$api_pid" 2>/dev/null || true
      API_CDS=off "$start"; without+=("$ready_ms")
    fi
  done
  restart_ms=$(median "${with[@]}")
  if [ ${#without[@]} -gt 0 ]; then
    echo "API start-up to ready $label, course unchanged, median of $n: ${restart_ms} ms with the class-data archive" \
      "($(median "${without[@]}") ms without it; with: ${with[*]}; without: ${without[*]})"
  else
    echo "API start-up to ready $label, course unchanged, median of $n: ${restart_ms} ms (${with[*]})"
  fi
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
