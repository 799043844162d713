#!/bin/bash
# bench.sh [CSV] — builds Rollout with optimisation and runs every benchmark:
# reading, scheduling and writing plans of 1,000, 10,000 and 100,000 tasks,
# parsing them with Rollout's JSON parser and with json-glib, and the
# cache, timeline, risk matrix and Monitor benchmarks where they are built. Prints one table and
# writes it as CSV (default: bench-results.csv); what the benchmarks say
# besides their rows follows the table. On a 2-core machine the benchmarks
# take under a minute when it is idle, about three when it is busy; a first
# build adds about three minutes.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
csv=${1:-bench-results.csv}

bash build-aux/install-deps.sh test

build=_build-bench
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=release >/dev/null
fi
# Only what the benchmarks run, so that a test that does not build does not
# stop them.
ninja -C "$build" build.ninja >/dev/null
bench_targets=$(ninja -C "$build" -t targets all | sed -n 's|^\(tests/bench-[a-z-]*\): .*|\1|p' | sort -u)
# The settings schema too: the timeline benchmark opens a plan in the
# application, as a person does.
ninja -C "$build" src/cli/rollout-cli data/gschemas.compiled $bench_targets >/dev/null

work=$(mktemp -d)
# The benchmarks' own messages go to a log, shown after the table, or at
# once when one fails.
log="$work/messages"
trap 'status=$?; exec 2>&3; [ $status -ne 0 ] && cat "$log" >&2; rm -rf "$work"' EXIT
exec 3>&2 2>"$log"

started=$(date +%s)
echo "operation,size,median_ms,min_ms,max_ms,peak_rss_mb" > "$csv"

for n in 1000 10000 100000; do
  "$build/src/cli/rollout-cli" generate --tasks "$n" --seed 1 -o "$work/plan-$n.rollout" >/dev/null
  runs=7
  [ "$n" -ge 100000 ] && runs=3
  "$build/tests/bench-core" "$work/plan-$n.rollout" "$runs" >> "$csv"
done

# Parsing the 10,000- and 100,000-task plans: Rollout's parser, then
# json-glib's for comparison (size is the file's length in bytes).
"$build/tests/bench-json" "$work/plan-10000.rollout" 10 | grep -v '^operation,' >> "$csv"
"$build/tests/bench-json" "$work/plan-100000.rollout" 3 | grep -v '^operation,' >> "$csv"

# Exporting a plan as a PDF of every section (A4 portrait), with the peak
# memory of the process; targets ≤ 2 s for 1,000 tasks and ≤ 20 s for 10,000.
for n in 1000 10000; do
  "$build/tests/bench-report" "$work/plan-$n.rollout" 3 >> "$csv"
done

# Importing 100,000 CSV rows (metric samples, feedback) into the demo plan; target ≤ 1 s.
"$build/tests/bench-csv" data/demo/scooter-reservations.rollout 100000 5 | grep -v '^operation,' >> "$csv"

# Importing a 10,000-task MS Project XML and Planner file (and exporting MSPDI and iCalendar); target ≤ 1 s each.
"$build/tests/bench-import" 10000 5 2>/dev/null | grep -v '^operation,' >> "$csv"

# Merging two 10,000-task versions of a plan with 500 edits each, and the diff; target ≤ 1 s.
"$build/tests/bench-merge" 10000 500 5 2>/dev/null >> "$csv"

# Filtering the board of a 10,000-task plan: all of it, by team lanes, one
# phase and team, a search; target ≤ 50 ms.
"$build/tests/bench-board" 10000 15 | grep -v '^operation,' >> "$csv"

# The risk matrix with 500 risks (layout, render to an image surface, a
# real frame) and the Monitor's gates and charts.
for extra in bench-cache bench-timeline bench-risks bench-monitor; do
  if [ -x "$build/tests/$extra" ]; then
    if [ "$extra" != bench-cache ] && [ -z "${DISPLAY:-}" ]; then
      xvfb-run -a -s "-screen 0 1400x900x24" "$build/tests/$extra" | grep -v '^operation,' >> "$csv" || true
    else
      "$build/tests/$extra" | grep -v '^operation,' >> "$csv"
    fi
  fi
done

exec 2>&3
echo
column -s, -t < "$csv"
if [ -s "$log" ]; then
  echo
  cat "$log"
fi
echo
echo "Written to $csv in $(( $(date +%s) - started )) s"
