# Sourced by the benches: record FIGURE VALUE UNIT COMPARISON TARGET appends a row to the summary
# that `make bench` prints at the end ($BENCH_SUMMARY; nothing when a bench runs on its own).
record() {
  [ -n "${BENCH_SUMMARY:-}" ] && printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$BENCH_SUMMARY"
  return 0
}
