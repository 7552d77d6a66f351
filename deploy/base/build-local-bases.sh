#!/usr/bin/env bash
# Builds local stand-ins for the registry base images, for machines that reach Debian's package
# mirror but no container registry: a Debian root file system made with debootstrap, then
# images with a Java runtime, nginx and PostgreSQL on top. Idempotent: existing images are kept.
# Prints nothing but progress; the images are localhost/syllabus-jre:trixie (Java 25) and
# localhost/syllabus-{nginx,postgres}:bookworm, on localhost/syllabus-debian:{trixie,bookworm}.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../lib/engine.sh"
pick_engine

has_image() { $ENGINE image exists "$1" 2>/dev/null || $ENGINE image inspect "$1" >/dev/null 2>&1; }

mirror() {
  # The Debian mirror this machine already uses, so no host name is written into the project.
  local uri
  uri=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | grep -v security | head -1 | awk '{ print ($1 == "deb") ? $2 : $2 }')
  [ -n "$uri" ] || { echo "No Debian mirror found in /etc/apt/sources.list*" >&2; exit 1; }
  echo "$uri"
}

# Debian root file systems: trixie (Debian 13) for the Java 25 runtime, bookworm for nginx and PostgreSQL.
for release in bookworm trixie; do
  if ! has_image "localhost/syllabus-debian:$release"; then
    command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    rootfs=$(mktemp -d)
    echo "Making a Debian $release root file system (debootstrap) ..."
    debootstrap --variant=minbase "$release" "$rootfs" "$(mirror)" >/dev/null
    tar -C "$rootfs" -c . | $ENGINE import - "localhost/syllabus-debian:$release" >/dev/null
    rm -rf "$rootfs"
  fi
done
for base in jre:trixie nginx:bookworm postgres:bookworm; do
  kind=${base%%:*}
  if ! has_image "localhost/syllabus-$base"; then
    echo "Building localhost/syllabus-$base ..."
    $ENGINE build -q --pull=never -f "$here/Dockerfile.$kind" -t "localhost/syllabus-$base" "$here" >/dev/null
  fi
done
