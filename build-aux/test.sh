#!/bin/bash
# test.sh — builds Rollout and runs every test: the core suite (also under
# AddressSanitizer and UndefinedBehaviorSanitizer), the CLI tests, the data
# file checks and the UI tests on a virtual display. Ends with the line
# "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/install-deps.sh test || exit 1

fail_setup() { echo "$1"; echo "0 passed, 1 failed"; exit 1; }

build=_build-test
asan=_build-asan

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=debugoptimized -Dwerror=true >/dev/null || fail_setup "meson setup failed"
fi
ninja -C "$build" || fail_setup "build failed"

# GCC's -fsanitize=undefined leaves out float-to-integer overflow, which
# the fuzzers' clang build catches; ask for it too.
if [ ! -f "$asan/build.ninja" ]; then
  meson setup "$asan" --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=float-cast-overflow -Dui=false >/dev/null \
    || fail_setup "meson setup (sanitizers) failed"
fi
ninja -C "$asan" || fail_setup "build with sanitizers failed"

# GLib is built without frame pointers: only the slow unwinder sees through
# it, which the leak suppressions need.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# print_suppressions=0: the list of suppressions used would land on the
# standard error that tests compare.
export LSAN_OPTIONS=suppressions="$top/build-aux/lsan.supp":print_suppressions=0
# Plain malloc for GLib's slices too, so that LeakSanitizer sees a leaked
# object (GSlice would keep it in its own magazines).
export G_SLICE=always-malloc

status=0
# meson names its log after the wrapper (testlog-with-xvfb.sh.json): the
# one left by this run is the one counted.
rm -f "$build"/meson-logs/testlog*.json
# The session bus and the displays are virtual, so UI tests run anywhere;
# each test has a display of its own (build-aux/with-xvfb.sh), so tests
# running side by side never share the clipboard.
dbus-run-session -- \
  meson test -C "$build" --print-errorlogs --no-rebuild --num-processes 2 \
  --wrapper "$top/build-aux/with-xvfb.sh" || status=1
meson test -C "$asan" --print-errorlogs --no-rebuild --suite core --suite cli --timeout-multiplier 6 \
  --num-processes 2 || status=1

python3 build-aux/count-tests.py "$(ls "$build"/meson-logs/testlog*.json 2>/dev/null | head -n 1)" "$asan/meson-logs/testlog.json:asan"
counted=$?
[ $status -eq 0 ] && [ $counted -eq 0 ]
