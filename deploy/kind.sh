#!/usr/bin/env bash
# Deploys Syllabus to a local kind cluster (make deploy-kind), or removes it (make undeploy-kind).
#   deploy/kind.sh up     create the cluster if needed, build and load the images, install
#                         cert-manager and Envoy Gateway (ENTRY=ingress: the legacy ingress-nginx), apply
#                         k8s/overlays/kind (or kind-ingress), wait, smoke-test, print the URL
#   deploy/kind.sh down   delete the cluster
# Needs kind, kubectl, curl and docker or podman (podman is used through KIND_EXPERIMENTAL_PROVIDER).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib/engine.sh
source deploy/lib/cluster.sh
CLUSTER=syllabus

need kind kubectl curl
pick_engine
[ "$ENGINE" = podman ] && export KIND_EXPERIMENTAL_PROVIDER=podman

case "${1:-up}" in
  down)
    kind delete cluster --name "$CLUSTER"
    exit 0
    ;;
  up) ;;
  *) echo "usage: deploy/kind.sh up|down" >&2; exit 2 ;;
esac

if ! kind get clusters 2>/dev/null | grep -qx "$CLUSTER"; then
  kind create cluster --config deploy/kind-cluster.yaml
fi
kubectl config use-context "kind-$CLUSTER" >/dev/null

deploy/images.sh
for image in syllabus-api:1.0.0 syllabus-web:1.0.0; do
  echo "Loading $image into kind ..."
  kind load image-archive "$(image_archive "$ENGINE" "$image")" --name "$CLUSTER"
done

overlay=$(entry_overlay kind)
install_cert_manager
if [ "$ENTRY" = gateway ]; then
  install_envoy_gateway
else
  echo "Installing ingress-nginx ($INGRESS_NGINX_VERSION) ..."
  kubectl apply -f "https://raw.githubusercontent.com/kubernetes/ingress-nginx/$INGRESS_NGINX_VERSION/deploy/static/provider/kind/deploy.yaml"
  kubectl -n ingress-nginx wait --for=condition=ready pod -l app.kubernetes.io/component=controller --timeout=300s
fi

apply_and_wait "$overlay"
if [ "$ENTRY" = gateway ]; then smoke "$(gateway_forward)"; else smoke https://localhost; fi
