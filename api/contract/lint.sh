#!/usr/bin/env bash
# Lints the committed OpenAPI document with Redocly (recommended rules) and Spectral (spectral:oas):
# any error or warning fails. Rules switched off go in redocly.yaml / .spectral.yaml, or for one
# place only in .redocly.lint-ignore.yaml, each with a one-line reason.
set -euo pipefail
cd "$(dirname "$0")"
document=../openapi.json
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  touch node_modules
fi
node node_modules/@stoplight/spectral-cli/dist/index.js lint "$document" --ruleset .spectral.yaml --fail-severity=warn
totals=$(node node_modules/@redocly/cli/bin/cli.js lint "$document" --config redocly.yaml --format=json 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=JSON.parse(s).totals;console.log(`${t.errors} ${t.warnings}`)})')
read -r errors warnings <<<"$totals"
if [ "$errors" != 0 ] || [ "$warnings" != 0 ]; then
  node node_modules/@redocly/cli/bin/cli.js lint "$document" --config redocly.yaml || true
  echo "Redocly: $errors errors, $warnings warnings in api/openapi.json" >&2
  exit 1
fi
echo "OpenAPI lint: Spectral (spectral:oas) and Redocly (recommended): 0 errors, 0 warnings"
