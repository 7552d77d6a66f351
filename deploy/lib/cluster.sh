# Sourced by deploy/kind.sh and deploy/minikube.sh: what both clusters share once the images are
# in the cluster. ENTRY=gateway (default) puts Envoy Gateway (Gateway API) in front, ENTRY=ingress
# the retired ingress-nginx (the legacy alternative); both with TLS from cert-manager.

INGRESS_NGINX_VERSION="${INGRESS_NGINX_VERSION:-controller-v1.12.1}"
CERT_MANAGER_VERSION="${CERT_MANAGER_VERSION:-v1.19.1}"
ENVOY_GATEWAY_VERSION="${ENVOY_GATEWAY_VERSION:-v1.5.0}"
ENTRY="${ENTRY:-gateway}"

need() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "deploy: '$tool' is not installed; see docs/operators/kubernetes.md." >&2; exit 1; }
  done
}

entry_overlay() { # cluster -> the overlay for the chosen entry point
  case "$ENTRY" in
    gateway) echo "$1" ;;
    ingress) echo "$1-ingress" ;;
    *) echo "deploy: ENTRY must be ingress or gateway, not '$ENTRY'" >&2; exit 2 ;;
  esac
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

install_cert_manager() {
  echo "Installing cert-manager ($CERT_MANAGER_VERSION) ..."
  kubectl apply -f "https://github.com/cert-manager/cert-manager/releases/download/$CERT_MANAGER_VERSION/cert-manager.yaml"
  kubectl -n cert-manager wait --for=condition=Available deployment --all --timeout=300s
}

install_envoy_gateway() {
  echo "Installing Envoy Gateway ($ENVOY_GATEWAY_VERSION) ..."
  kubectl apply --server-side -f "https://github.com/envoyproxy/gateway/releases/download/$ENVOY_GATEWAY_VERSION/install.yaml"
  kubectl -n envoy-gateway-system wait --for=condition=Available deployment/envoy-gateway --timeout=300s
  kubectl apply -f deploy/envoy-gateway-class.yaml
}

apply_and_wait() { # overlay
  echo "Applying k8s/overlays/$1 ..."
  # cert-manager's webhook may need a few seconds more after its pods are ready: try again.
  for attempt in 1 2 3 4 5; do
    kubectl apply -k "k8s/overlays/$1" && break
    [ "$attempt" = 5 ] && exit 1
    sleep 10
  done
  echo "Waiting for the Secret (made by the Job syllabus-secrets on the first apply) and the rollouts ..."
  for _ in $(seq 1 90); do
    kubectl -n syllabus get secret syllabus-secrets >/dev/null 2>&1 && break
    sleep 2
  done
  kubectl -n syllabus get secret syllabus-secrets >/dev/null || { kubectl -n syllabus logs job/syllabus-secrets >&2 || true; exit 1; }
  kubectl -n syllabus rollout status statefulset/syllabus-postgres --timeout=300s
  kubectl -n syllabus rollout status deployment/syllabus-api --timeout=300s
  kubectl -n syllabus rollout status deployment/syllabus-web --timeout=180s
}

gateway_forward() { # -> base URL: Envoy's Service, forwarded to localhost:8443 (and 8080) in the background
  local service
  for _ in $(seq 1 60); do
    service=$(kubectl -n envoy-gateway-system get service -o name \
      -l gateway.envoyproxy.io/owning-gateway-name=syllabus,gateway.envoyproxy.io/owning-gateway-namespace=syllabus 2>/dev/null | head -1)
    [ -n "$service" ] && break
    sleep 2
  done
  [ -n "$service" ] || { echo "deploy: Envoy Gateway made no Service for the Gateway syllabus" >&2; exit 1; }
  kubectl -n envoy-gateway-system port-forward "$service" 8443:443 8080:80 >/dev/null 2>&1 &
  sleep 3
  echo "  Gateway API: kubectl -n envoy-gateway-system port-forward $service 8443:443 8080:80" >&2
  echo "https://localhost:8443"
}

smoke() { # base-url (https)
  echo "Smoke test through the entry point at $1 ..."
  local plain="${1/https:/http:}"
  plain="${plain/:8443/:8080}"
  for _ in $(seq 1 60); do
    if curl -kfsS "$1/api/agenda" 2>/dev/null | grep -q '"title"' && curl -kfsS -o /dev/null "$1/"; then
      curl -ksS -D - -o /dev/null "$1/" | grep -qi '^strict-transport-security:' \
        || { echo "deploy: no Strict-Transport-Security on $1/" >&2; exit 1; }
      curl -sS -o /dev/null -w '%{http_code}' "$plain/" | grep -qE '^30[178]$' \
        || { echo "deploy: plain HTTP at $plain/ is not redirected to HTTPS" >&2; exit 1; }
      echo
      echo "  Syllabus is up:  $1  (a self-signed certificate: see docs/operators/kubernetes.md, 'TLS')"
      echo "  API:             $1/api/agenda"
      echo "  Instructor:      admin / $(kubectl -n syllabus get secret syllabus-secrets -o jsonpath='{.data.SYLLABUS_ADMIN_PASSWORD}' | base64 -d)"
      return 0
    fi
    sleep 2
  done
  echo "deploy: $1/api/agenda and $1/ did not answer through the entry point in time" >&2
  kubectl -n syllabus get pods -o wide >&2
  exit 1
}
