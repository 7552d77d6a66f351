#!/usr/bin/env bash
# Deploys Syllabus to minikube (make deploy-minikube), or removes it (make undeploy-minikube).
#   deploy/minikube.sh up     start the "syllabus" profile if needed (Calico, which enforces
#                             network policies), install cert-manager and Envoy Gateway
#                             (ENTRY=ingress: the legacy ingress addon), build and load the images, apply
#                             k8s/overlays/minikube (or minikube-ingress), wait, smoke-test
#   deploy/minikube.sh down   delete the profile
# Needs minikube, kubectl, curl and docker or podman.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib/engine.sh
source deploy/lib/cluster.sh
PROFILE=syllabus

need minikube kubectl curl
pick_engine

case "${1:-up}" in
  down)
    minikube delete -p "$PROFILE"
    exit 0
    ;;
  up) ;;
  *) echo "usage: deploy/minikube.sh up|down" >&2; exit 2 ;;
esac

if ! minikube status -p "$PROFILE" >/dev/null 2>&1; then
  # Calico: minikube's default network plugin does not enforce NetworkPolicy.
  minikube start -p "$PROFILE" --memory=4096 --cpus=2 --cni=calico
fi
kubectl config use-context "$PROFILE" >/dev/null
overlay=$(entry_overlay minikube)
[ "$ENTRY" = ingress ] && minikube addons enable ingress -p "$PROFILE"

deploy/images.sh
for image in syllabus-api:1.0.0 syllabus-web:1.0.0; do
  echo "Loading $image into minikube ..."
  minikube image load -p "$PROFILE" "$(image_archive "$ENGINE" "$image")"
done
install_cert_manager
if [ "$ENTRY" = gateway ]; then
  install_envoy_gateway
else
  kubectl -n ingress-nginx wait --for=condition=ready pod -l app.kubernetes.io/component=controller --timeout=300s
fi

apply_and_wait "$overlay"
if [ "$ENTRY" = gateway ]; then smoke "$(gateway_forward)"; else smoke "https://$(minikube ip -p "$PROFILE")"; fi
