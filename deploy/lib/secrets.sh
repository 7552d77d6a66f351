# Sourced by the deploy scripts: makes k8s/base/secrets.env (git-ignored) with random values
# for every key of secrets.env.example, unless it exists already.
secrets_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

ensure_secrets() {
  local root="$secrets_root" file
  file="$root/k8s/base/secrets.env"
  [ -f "$file" ] && return
  umask 077
  grep -E '^[A-Z_]+=' "$root/k8s/base/secrets.env.example" | cut -d= -f1 | while read -r key; do
    printf '%s=%s\n' "$key" "$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 28)"
  done >"$file"
  echo "Created k8s/base/secrets.env with random values (git-ignored)."
}

secret_value() { # KEY -> value from k8s/base/secrets.env
  sed -n "s/^$1=//p" "$secrets_root/k8s/base/secrets.env"
}
