#!/bin/bash
# sanitize.sh [BUILDDIR] [MESON TEST ARGS...] — builds all of Rollout (the
# application too) with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer, float-to-integer overflow included, and runs
# the WHOLE test suite with it: core, CLI, data, translations and the UI
# tests, on a virtual display with a private session bus. Any sanitizer
# report fails the test it happens in.
#
# Leaks that are library noise (one-time allocations of GLib, GTK,
# fontconfig and friends that live until exit) are suppressed by
# build-aux/lsan.supp, each entry with the reason; a leak through Rollout's
# own code is never suppressed. BUILDDIR defaults to _build-sanitize.
# Extra arguments go to `meson test` (a test name, --suite ui, ...).
#
# Ends with the line "N passed, N failed" and exits non-zero on any
# failure. It takes a while (the UI tests run several times slower); the
# core and CLI suites alone run in build-aux/test.sh too.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build=_build-sanitize
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  build=$1
  shift
fi

bash build-aux/install-deps.sh test || exit 1

fail_setup() { echo "$1"; echo "0 passed, 1 failed"; exit 1; }

# GCC's -fsanitize=undefined leaves out float-to-integer overflow: ask for
# it too. b_lundef=false: the sanitizer runtimes resolve at run time.
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=debug -Dwerror=true \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fsanitize=float-cast-overflow -fno-omit-frame-pointer" >/dev/null \
    || fail_setup "meson setup (sanitizers) failed"
fi
nice ninja -C "$build" || fail_setup "build with sanitizers failed"

# Sanitizer reports abort the test. GLib and GTK are built without frame
# pointers: only the slow unwinder sees through them, which the leak
# suppressions need to match their frames.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0:detect_odr_violation=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions="$top/build-aux/lsan.supp":print_suppressions=0
# Plain malloc, so that every allocation is seen. GTK draws with cairo and
# without OpenGL: Mesa's drivers leak by design and are very slow under
# the sanitizers, and what is tested is Rollout, not the GPU path. No
# accessibility bus either (AT-SPI keeps its connection until exit).
export G_SLICE=always-malloc
export GSK_RENDERER=cairo
export GDK_DEBUG=gl-disable
export GTK_A11Y=none
export NO_AT_BRIDGE=1

status=0
# meson names its log after the wrapper (testlog-with-xvfb.sh.json): the
# one left by this run is the one counted.
rm -f "$build"/meson-logs/testlog*.json
# Each test on a display of its own: tests side by side on one display
# share the X selections, and a run in which they did once reported leaks
# inside GDK's X11 clipboard code, from X events another test caused.
dbus-run-session -- \
  meson test -C "$build" --print-errorlogs --no-rebuild --num-processes 2 \
  --timeout-multiplier 8 --wrapper "$top/build-aux/with-xvfb.sh" "$@" || status=1

python3 build-aux/count-tests.py "$(ls "$build"/meson-logs/testlog*.json 2>/dev/null | head -n 1):sanitize"
counted=$?
[ $status -eq 0 ] && [ $counted -eq 0 ]
