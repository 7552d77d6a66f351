#!/usr/bin/env bash
# Trains the AOT cache of a build where it will run (api/aot/train.sh) against a throwaway
# database: an embedded H2 file, or with "postgres" a throwaway PostgreSQL server (Debian's server
# binaries). In the project it uses the JVM settings the image and the manifests ship
# (k8s/base/api-jvm.env); in the image (api/Dockerfile) those are in its environment already.
# Usage: api/aot/train-local.sh APP_DIR [postgres]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_dir=$(cd "$1" && pwd)
work=$(mktemp -d)
chmod 755 "$work"
pg_ctl=()
cleanup() {
  [ ${#pg_ctl[@]} -gt 0 ] && "${pg_ctl[@]}" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

jvm_settings=()
settings="$here/../../k8s/base/api-jvm.env"
[ -f "$settings" ] && mapfile -t jvm_settings < <(grep -E '^[A-Z_]+=' "$settings")
database=(SYLLABUS_DB_URL="jdbc:h2:file:$work/syllabus")
if [ "${2:-}" = postgres ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$pg_bin" ] || { echo "aot training: PostgreSQL server binaries are missing (apt-get install postgresql)" >&2; exit 1; }
  as_postgres=()
  [ "$(id -u)" -eq 0 ] && as_postgres=(runuser -u postgres --) && chown postgres "$work"
  pg_ctl=("${as_postgres[@]}" "$pg_bin/pg_ctl")
  "${as_postgres[@]}" "$pg_bin/initdb" -D "$work/pg" -U syllabus -A trust >/dev/null
  "${pg_ctl[@]}" -D "$work/pg" -o "-p ${TRAIN_DB_PORT:-15441} -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
  "$pg_bin/psql" -h 127.0.0.1 -p "${TRAIN_DB_PORT:-15441}" -U syllabus -d postgres -qc "create database syllabus" >/dev/null
  database=(SYLLABUS_DB_URL="jdbc:postgresql://127.0.0.1:${TRAIN_DB_PORT:-15441}/syllabus" SYLLABUS_DB_USER=syllabus SYLLABUS_DB_PASSWORD=unused)
fi
env "${jvm_settings[@]}" "$here/train.sh" "$app_dir" "${database[@]}"
