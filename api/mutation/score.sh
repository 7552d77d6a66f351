#!/usr/bin/env bash
# Prints PIT's score per rule class from api/target/pit-reports/mutations.xml (one <mutation> per line)
# and fails when any class keeps fewer than MUTATION_FLOOR percent (80) of its mutants killed.
set -euo pipefail
report=${1:-api/target/pit-reports/mutations.xml}
floor=${MUTATION_FLOOR:-80}
[ -f "$report" ] || { echo "mutation: no report at $report" >&2; exit 1; }
sed -nE "s/^<mutation detected='([a-z]+)' status='([A-Z_]+)'.*<mutatedClass>([^<$]+).*/\1 \2 \3/p" "$report" | awk -v floor="$floor" '
  { total[$3]++; if ($1 == "true") killed[$3]++; else if ($2 == "NO_COVERAGE") uncovered[$3]++; else survived[$3]++ }
  END {
    printf "%-48s %7s %8s %9s %6s\n", "rule class", "killed", "survived", "uncovered", "score"
    for (c in total) {
      score = 100 * killed[c] / total[c]
      line = sprintf("%-48s %7d %8d %9d %5.0f%%", c, killed[c], survived[c], uncovered[c], score)
      if (score < floor) { line = line "  below " floor "%"; low++ }
      print line | "sort"
      all += total[c]; allKilled += killed[c]
    }
    close("sort")
    printf "%-48s %7d %8s %9s %5.0f%%\n", "all " length(total) " rule classes", allKilled, "", "", 100 * allKilled / all
    if (low) { printf "mutation: %d rule class(es) below %d%%; survivors in api/target/pit-reports/index.html\n", low, floor; exit 1 }
  }'
