#!/bin/bash
# fuzz.sh [SECONDS [TARGET...]] — builds the fuzz targets of tests/fuzz/ with clang,
# libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer (in
# _build_fuzz), seeds a corpus for each in a temporary folder (the files of
# tests/data/, the demo plan, generated plans, or the target's own seeds),
# and runs each target for SECONDS (default 60), one process at a time, at
# low priority. Prints executions per second and coverage per target.
# With TARGET names (project-reader, csv, ...) it runs only those.
#
# Exits 1 when a target crashes, leaks, times out, runs out of memory or
# finds a property broken. The input that did it is kept in
# _build_fuzz/findings/TARGET/; add it to tests/data/fuzz-regressions/TARGET/
# and the test fuzz-replay-TARGET replays it on every build.
#
# A new target is a tests/fuzz/fuzz-NAME.c listed in tests/fuzz/meson.build;
# it is fuzzed here with the seeds chosen in seed_corpus below and, when
# present, the dictionary tests/fuzz/fuzz-NAME.dict.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: $0 [SECONDS [TARGET...]]" >&2
  exit 2
fi
shift || true
for name in "$@"; do
  if [ ! -f "tests/fuzz/fuzz-$name.c" ]; then
    echo "$0: no fuzz target $name (tests/fuzz/fuzz-$name.c)" >&2
    exit 2
  fi
done

# clang and libclang-rt-*-dev (libFuzzer) come with the test profile.
bash build-aux/install-deps.sh test

build=_build_fuzz
if [ ! -f "$build/build.ninja" ]; then
  # Everything is instrumented for coverage (fuzzer-no-link); only the
  # fuzz targets link libFuzzer itself. Sanitizer reports are fatal, so the
  # fuzzer sees them as crashes.
  CC=clang meson setup "$build" --buildtype=debugoptimized -Dui=false \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer" \
    >/dev/null
fi

targets=()
for source in tests/fuzz/fuzz-*.c; do
  name=$(basename "$source" .c)
  name=${name#fuzz-}
  case "$name" in
    replay|seeds) continue ;;
  esac
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qxF -- "$name"; then
    continue
  fi
  targets+=("$name")
done

ninja_targets=(tests/fuzz/fuzz-seeds)
for name in "${targets[@]}"; do
  ninja_targets+=("tests/fuzz/fuzz-$name")
done
nice ninja -C "$build" "${ninja_targets[@]}" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

plans="$work/plans"
mkdir -p "$plans"
"$build/tests/fuzz/fuzz-seeds" "$plans"
find tests/data data/demo -type f \( -name '*.rollout' -o -name '*.json' \) -print0 |
  while IFS= read -r -d '' f; do
    cp "$f" "$plans/$(echo "$f" | tr '/' '_')"
  done

# seed_corpus NAME DIR — fills DIR with the seeds for target NAME.
seed_corpus() {
  local name=$1 dir=$2
  case "$name" in
    json|project-reader)
      cp "$plans"/* "$dir"/
      ;;
    cache-search)
      # One query per line; backslash escapes (\x01) are expanded.
      local n=0 line
      while IFS= read -r line; do
        n=$((n + 1))
        printf '%b' "$line" > "$dir/query-$n"
      done < tests/fuzz/fuzz-cache-search.seeds
      ;;
    csv)
      # The sample files of metric samples and feedback.
      cp tests/data/csv/*.csv "$dir"/
      ;;
    import)
      # The sample MS Project, GanttProject and Planner files (good and
      # bad ones), and generated plans exported as MS Project XML.
      find tests/data/import -type f ! -name '*.expected' -exec cp {} "$dir"/ \;
      "$build/tests/fuzz/fuzz-seeds" "$dir" mspdi
      ;;
    *)
      # Every file under tests/data/NAME/ if there is such a folder, else
      # the plans.
      if [ -d "tests/data/$name" ]; then
        find "tests/data/$name" -type f -exec cp {} "$dir"/ \;
      else
        cp "$plans"/* "$dir"/
      fi
      ;;
  esac
  # Earlier findings are seeds too.
  if [ -d "tests/data/fuzz-regressions/$name" ]; then
    find "tests/data/fuzz-regressions/$name" -type f ! -name README.md -exec cp {} "$dir"/ \;
  fi
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions="$top/build-aux/lsan.supp":print_suppressions=0
export G_DEBUG=fatal-criticals
export G_SLICE=always-malloc
export LC_ALL=C.UTF-8
export TMPDIR="$work"

status=0
summary="$work/summary"
# cov: edges reached of all the instrumented ones (the core library's
# included); ft: libFuzzer's finer features; corpus: inputs kept.
printf '%-16s %8s %12s %10s %14s %8s %8s %8s  %s\n' \
  target seconds execs execs/s cov ft corpus rss_mb result > "$summary"

for name in "${targets[@]}"; do
  corpus="$work/corpus-$name"
  findings="$top/$build/findings/$name"
  log="$work/$name.log"
  mkdir -p "$corpus" "$findings"
  seed_corpus "$name" "$corpus"
  n_seeds=$(find "$corpus" -type f | wc -l)

  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -jobs=1
        -print_final_stats=1 -artifact_prefix="$findings/")
  if [ -f "tests/fuzz/fuzz-$name.dict" ]; then
    args+=(-dict="$top/tests/fuzz/fuzz-$name.dict")
  fi

  echo "fuzz-$name: $n_seeds seeds, $seconds s"
  before=$(find "$findings" -type f | wc -l)
  started=$(date +%s)
  # -jobs=1 runs one fuzzing process and logs to fuzz-0.log in the
  # current folder.
  (cd "$work" && rm -f fuzz-0.log &&
    nice -n 10 "$top/$build/tests/fuzz/fuzz-$name" "${args[@]}" "$corpus" >/dev/null 2>&1) || true
  cp "$work/fuzz-0.log" "$log" 2>/dev/null || : > "$log"
  elapsed=$(( $(date +%s) - started ))
  after=$(find "$findings" -type f | wc -l)

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  pcs=$(sed -n 's/.*Loaded 1 PC tables (\([0-9]*\) PCs).*/\1/p' "$log" | head -1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')

  result=ok
  if [ "$after" -gt "$before" ] || grep -qE '^==[0-9]+==ERROR|^SUMMARY: |deadly signal|fuzz target: property violated' "$log"; then
    found=$(ls -t "$findings" | head -1)
    result="FOUND: $found"
    # An input already kept as a regression: that bug is not fixed yet.
    for known in "tests/data/fuzz-regressions/$name"/*; do
      if [ -n "$found" ] && [ -f "$known" ] && cmp -s "$known" "$findings/$found"; then
        result="FOUND again: $known"
      fi
    done
    status=1
    echo "fuzz-$name found a problem; its log ends:"
    grep -vE '^#[0-9]+' "$log" | tail -40
  elif [ -z "$execs" ]; then
    result="did not run"
    status=1
    echo "fuzz-$name did not run; its log ends:"
    tail -20 "$log"
  fi
  printf '%-16s %8s %12s %10s %14s %8s %8s %8s  %s\n' \
    "$name" "$elapsed" "${execs:-0}" "${rate:-0}" "${cov:-?}/${pcs:-?}" "${ft:-?}" "${corp:-?}" \
    "${rss:-?}" "$result" >> "$summary"
done

echo
cat "$summary"
if [ $status -ne 0 ]; then
  echo
  echo "Findings are kept in $build/findings/; add each to tests/data/fuzz-regressions/TARGET/."
fi
exit $status
