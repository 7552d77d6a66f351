#!/usr/bin/env bash
# Deploys Syllabus to minikube (make deploy-minikube), or removes it (make undeploy-minikube).
#   deploy/minikube.sh up     start the "syllabus" profile if needed, enable the ingress addon,
#                             build and load the images, apply k8s/overlays/minikube, wait,
#                             smoke-test, print the URL
#   deploy/minikube.sh down   delete the profile
# Needs minikube, kubectl, curl and docker or podman.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib/engine.sh
source deploy/lib/secrets.sh
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
  minikube start -p "$PROFILE" --memory=4096 --cpus=2
fi
kubectl config use-context "$PROFILE" >/dev/null
minikube addons enable ingress -p "$PROFILE"

deploy/images.sh
for image in syllabus-api:1.0.0 syllabus-web:1.0.0; do
  echo "Loading $image into minikube ..."
  minikube image load -p "$PROFILE" "$(image_archive "$ENGINE" "$image")"
done
kubectl -n ingress-nginx wait --for=condition=ready pod -l app.kubernetes.io/component=controller --timeout=300s

ensure_secrets
apply_and_wait minikube
smoke "http://$(minikube ip -p "$PROFILE")"
