#!/usr/bin/env bash
# make bench-web: builds the client, starts the API (embedded database) and the built client,
# installs Lighthouse on the side (not one of the app's dependencies) and prints the budgets.
set -euo pipefail
cd "$(dirname "$0")/.."

API_PORT=18280
WEB_PORT=14280
pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

[ -d node_modules ] || npm ci --no-audit --no-fund --silent
npm run build >/dev/null
lighthouse_dir=target/lighthouse
if [ ! -d "$lighthouse_dir/node_modules/lighthouse" ]; then
  echo "Installing lighthouse@12.2.3 into web-client/$lighthouse_dir (kept out of the app's dependencies) ..."
  mkdir -p "$lighthouse_dir"
  npm install --prefix "$lighthouse_dir" --no-save --no-audit --no-fund --silent lighthouse@12.2.3
fi

QUARKUS_HTTP_PORT=$API_PORT SYLLABUS_DB_URL="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" \
  java -jar ../api/target/quarkus-app/quarkus-run.jar >target/bench-api.log 2>&1 &
pids+=($!)
SYLLABUS_API_PROXY="http://127.0.0.1:$API_PORT" node node_modules/vite/bin/vite.js preview --host 127.0.0.1 \
  --port $WEB_PORT --strictPort >target/bench-web.log 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "http://127.0.0.1:$WEB_PORT/api/agenda" 2>/dev/null && break
  sleep 0.25
done

BENCH_BASE_URL="http://127.0.0.1:$WEB_PORT" LIGHTHOUSE_MODULE="$PWD/$lighthouse_dir/node_modules/lighthouse/core/index.js" \
  node scripts/bench-web.mjs
