#!/bin/sh
# Renders the nginx configuration and the client's runtime settings from the environment into
# /tmp (the root filesystem may be read-only), then runs nginx in the foreground.
#   SYLLABUS_API_UPSTREAM  where /api is proxied to, e.g. http://syllabus-api:8080 (in a cluster, the
#                          Service); several addresses, space-separated, are balanced, and a request
#                          that cannot reach one goes to the next (the smoke test's rolling restart)
#   SYLLABUS_API_URL       the API address the browser uses; empty means this origin's /api
#   SYLLABUS_WEB_PORT      the port nginx listens on (8080)
set -eu
run="${SYLLABUS_WEB_RUN:-/tmp/syllabus-web}"
templates="${SYLLABUS_WEB_TEMPLATES:-/etc/syllabus}"
mkdir -p "$run/html" "$run/client_body" "$run/proxy"

upstreams="${SYLLABUS_API_UPSTREAM:?set SYLLABUS_API_UPSTREAM to the API address, e.g. http://syllabus-api:8080}"
servers=""
scheme=""
for upstream in $upstreams; do
  case "$upstream" in
    http://*|https://*) ;;
    *) echo "SYLLABUS_API_UPSTREAM must start with http:// or https://" >&2; exit 1 ;;
  esac
  scheme="${upstream%%://*}"
  hostport="${upstream#*://}"
  servers="$servers server ${hostport%%/*} max_fails=0;"
done
api_url="${SYLLABUS_API_URL:-}"
connect_src="'self'"
[ -n "$api_url" ] && connect_src="'self' $api_url"

port="${SYLLABUS_WEB_PORT:-8080}"
for file in nginx.conf security-headers.conf; do
  sed -e "s|@API_SERVERS@|$servers|g" -e "s|@API_SCHEME@|$scheme|g" -e "s|@RUN@|$run|g" -e "s|@CONNECT_SRC@|$connect_src|g" -e "s|@PORT@|$port|g" \
    "$templates/$file.template" >"$run/$file"
done
# The app's pages: the same headers, but framed by 'self' and the learning platforms the API names
# for each request (nginx.conf's auth_request) instead of by nobody.
sed -e "s|frame-ancestors 'none'|frame-ancestors 'self' \$lti_frame_ancestors|" -e '/X-Frame-Options/d' \
  "$run/security-headers.conf" >"$run/page-headers.conf"
printf "window.SYLLABUS_CONFIG = { apiUrl: '%s' };\n" "$api_url" >"$run/html/config.js"

if [ "${1:-}" = "test" ]; then
  exec nginx -e stderr -t -c "$run/nginx.conf"
fi
exec nginx -e stderr -c "$run/nginx.conf" -g 'daemon off;'
