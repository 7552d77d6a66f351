# Sourced by deploy/kind.sh and deploy/minikube.sh: what both clusters share once the images are
# in the cluster and the ingress controller runs.

INGRESS_NGINX_VERSION="${INGRESS_NGINX_VERSION:-controller-v1.12.1}"

need() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "deploy: '$tool' is not installed; see README, 'Deploy to Kubernetes'." >&2; exit 1; }
  done
}

image_archive() { # engine image -> path of a docker-archive tarball (what kind and minikube load)
  local file ref="$2"
  file="$(mktemp -d)/$(echo "$2" | tr ':/' '__').tar"
  if [ "$1" = podman ]; then
    # podman names local images localhost/...; the manifests say syllabus-api:1.0.0, which the
    # cluster reads as docker.io/library/syllabus-api:1.0.0.
    ref="docker.io/library/$2"
    podman tag "$2" "$ref"
    podman save --format docker-archive -o "$file" "$ref" >/dev/null
  else
    docker save -o "$file" "$ref"
  fi
  echo "$file"
}

apply_and_wait() { # overlay
  echo "Applying k8s/overlays/$1 ..."
  kubectl apply -k "k8s/overlays/$1"
  echo "Waiting for the rollouts ..."
  kubectl -n syllabus rollout status statefulset/syllabus-postgres --timeout=300s
  kubectl -n syllabus rollout status deployment/syllabus-api --timeout=300s
  kubectl -n syllabus rollout status deployment/syllabus-web --timeout=180s
}

smoke() { # base-url
  echo "Smoke test through the ingress at $1 ..."
  for _ in $(seq 1 60); do
    if curl -fsS "$1/api/agenda" 2>/dev/null | grep -q '"title"' && curl -fsS -o /dev/null "$1/"; then
      echo
      echo "  Syllabus is up:  $1"
      echo "  API:             $1/api/agenda"
      return 0
    fi
    sleep 2
  done
  echo "deploy: $1/api/agenda and $1/ did not answer through the ingress in time" >&2
  kubectl -n syllabus get pods -o wide >&2
  exit 1
}
