#!/usr/bin/env bash
# Prints the benchmarks' summary: one row per figure the benches recorded in the file $1 (tab-separated:
# figure, measured, unit, comparison, target), with pass or fail, so a reader sees at a glance where
# the product stands. The benches append their rows through `record` (api/bench/record.sh).
set -euo pipefail
file="$1"
[ -s "$file" ] || { echo "bench: no figures were recorded" >&2; exit 1; }
echo
echo "Summary (this machine: $(nproc) cores; targets from the issue on speed)"
printf '%-56s %12s  %-16s %s\n' "figure" "measured" "target" "verdict"
awk -F'\t' '{
  value = $2 + 0; target = $5 + 0
  pass = ($4 == ">=") ? value >= target : ($4 == "<=") ? value <= target : value == target
  verdict = pass ? "pass" : "FAIL"
  printf "%-56s %12s  %-16s %s\n", $1, $2 " " $3, $4 " " $5 " " $3, verdict
}' "$file"
