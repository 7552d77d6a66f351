# Sourced by the benchmarks: API_ENV holds the JVM and allocator settings the container image and
# the Kubernetes manifests ship (k8s/base/api-jvm.env), for the API's process only (the load
# drivers keep their own). JAVA_OPTS, when set, is added on the command line after them.
mapfile -t API_ENV < <(grep -E '^[A-Z_]+=' k8s/base/api-jvm.env)
api_jvm_settings() {
  printf '%s ' "${API_ENV[@]}" ${JAVA_OPTS:+JAVA_OPTS=$JAVA_OPTS}
}

# launch_api JAR PORT LOG [SETTING=value ...]: starts the API with those settings and waits for
# readiness; sets api_pid, and ready_ms (launch to readiness UP). When the API dies or does not come
# up within a minute, prints its log and fails. Like the image, it maps the class-data archive
# Quarkus wrote beside the jar (app-cds.jsa, built with quarkus.package.jar.appcds.enabled), which
# holds the jar's path as Quarkus gave it: relative, so the API starts in the jar's folder.
launch_api() {
  local jar=$1 port=$2 log=$3 start archive=()
  shift 3
  [ -f "$(dirname "$jar")/app-cds.jsa" ] && archive=(-XX:SharedArchiveFile=app-cds.jsa)
  start=$(date +%s%N)
  (cd "$(dirname "$jar")" && exec env "${API_ENV[@]}" "$@" QUARKUS_HTTP_PORT="$port" \
    java "${archive[@]}" ${JAVA_OPTS:-} -jar "$(basename "$jar")") >"$log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 1200); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
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
