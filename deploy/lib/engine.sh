# Sourced by the deploy scripts: picks the container engine and exports ENGINE.
# Docker where a Docker engine answers, else podman (installed on Debian when running as root).
# On hosts like CI machines, where podman needs help, deploy/podman/containers.conf is used.

deploy_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

pick_engine() {
  if [ -n "${ENGINE:-}" ]; then
    return
  fi
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    ENGINE=docker
  else
    if ! command -v podman >/dev/null 2>&1; then
      if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing podman (no Docker engine answers here) ..."
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman buildah runc \
          fuse-overlayfs uidmap slirp4netns containernetworking-plugins golang-github-containers-common \
          iptables catatonit >/dev/null
      else
        echo "Neither a Docker engine nor podman is available: install Docker (docs.docker.com/get-docker) or podman." >&2
        exit 1
      fi
    fi
    ENGINE=podman
    # runc instead of crun, host networking and modest ulimits: what works on cgroup-hybrid hosts.
    export CONTAINERS_CONF="${CONTAINERS_CONF:-$deploy_dir/podman/containers.conf}"
  fi
  export ENGINE
}
