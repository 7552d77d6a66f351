# Sourced by the benchmarks: API_ENV holds the JVM and allocator settings the container image and
# the Kubernetes manifests ship (k8s/base/api-jvm.env), for the API's process only (the load
# drivers keep their own). JAVA_OPTS, when set, is added on the command line after them.
mapfile -t API_ENV < <(grep -E '^[A-Z_]+=' k8s/base/api-jvm.env)
api_jvm_settings() {
  printf '%s ' "${API_ENV[@]}" ${JAVA_OPTS:+JAVA_OPTS=$JAVA_OPTS}
}
