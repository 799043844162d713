#!/bin/bash
# bench.sh [CSV] — builds Rollout with optimisation and runs every benchmark:
# reading, scheduling and writing plans of 1,000, 10,000 and 100,000 tasks,
# and the cache and timeline benchmarks where they are built. Prints one
# table and writes it as CSV (default: bench-results.csv).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
csv=${1:-bench-results.csv}

bash build-aux/install-deps.sh test

build=_build-bench
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=release >/dev/null
fi
ninja -C "$build" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "operation,size,median_ms,min_ms,max_ms,peak_rss_mb" > "$csv"

for n in 1000 10000 100000; do
  "$build/src/cli/rollout-cli" generate --tasks "$n" --seed 1 -o "$work/plan-$n.rollout"
  runs=7
  [ "$n" -ge 100000 ] && runs=3
  "$build/tests/bench-core" "$work/plan-$n.rollout" "$runs" >> "$csv"
done

for extra in bench-cache bench-timeline; do
  if [ -x "$build/tests/$extra" ]; then
    if [ "$extra" = bench-timeline ] && [ -z "${DISPLAY:-}" ]; then
      xvfb-run -a -s "-screen 0 1400x900x24" "$build/tests/$extra" | grep -v '^operation,' >> "$csv" || true
    else
      "$build/tests/$extra" | grep -v '^operation,' >> "$csv"
    fi
  fi
done

column -s, -t < "$csv"
echo
echo "Written to $csv"
