# Sourced by the container smoke test: the secrets that a cluster's Job would make, written with
# random values to k8s/overlays/podman-smoke/secrets.env (git-ignored), unless it exists already.
secrets_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
smoke_secrets_file="$secrets_root/k8s/overlays/podman-smoke/secrets.env"

ensure_smoke_secrets() {
  [ -f "$smoke_secrets_file" ] && return
  umask 077
  for key in SYLLABUS_DB_PASSWORD SYLLABUS_ADMIN_PASSWORD SYLLABUS_GITHUB_WEBHOOK_SECRET; do
    printf '%s=%s\n' "$key" "$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
  done >"$smoke_secrets_file"
}

secret_value() { # KEY -> value from the smoke test's secrets
  sed -n "s/^$1=//p" "$smoke_secrets_file"
}
