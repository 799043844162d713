#!/bin/bash
# memcheck.sh [BUILDDIR] — runs the UI smoke test (tests/test-ui-shell) under
# Valgrind memcheck on a virtual display and reports the definite leaks whose
# allocation passes through Rollout's own code (src/), and any memory error.
# Noise from GLib, GTK and fontconfig is suppressed by GLib's and GTK's own
# suppression files and by build-aux/valgrind.supp, each entry of which says
# why it is there.
#
# Exits 1 when Rollout's code leaks, memcheck finds a memory error or the
# test fails; 0 otherwise. It takes several minutes, so build-aux/test.sh
# does not run it. BUILDDIR defaults to _build-memcheck (a debug build,
# configured if missing). The full Valgrind log is kept in
# BUILDDIR/meson-logs/memcheck.log and memcheck.xml.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
build=${1:-_build-memcheck}

bash build-aux/install-deps.sh test

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=debug >/dev/null
fi
ninja -C "$build" tests/test-ui-shell data/gschemas.compiled >/dev/null

logs="$build/meson-logs"
mkdir -p "$logs"
xml="$logs/memcheck.xml"
log="$logs/memcheck.log"

suppressions=(--suppressions="$top/build-aux/valgrind.supp")
for f in /usr/share/glib-2.0/valgrind/glib.supp /usr/share/gtk-4.0/valgrind/gtk.supp; do
  [ -f "$f" ] && suppressions+=(--suppressions="$f")
done

# GLib's slice allocator hides allocations from memcheck, and GTK's OpenGL
# renderer (mesa) and accessibility bus add many that are not ours: plain
# malloc, no OpenGL, the cairo renderer, no accessibility.
status=0
(
  cd "$build"
  env G_TEST_SRCDIR="$top/tests" G_TEST_BUILDDIR="$PWD/tests" \
    GSETTINGS_SCHEMA_DIR="$PWD/data" GSETTINGS_BACKEND=memory \
    ROLLOUT_DATADIR="$top/data" LC_ALL=C.UTF-8 \
    G_SLICE=always-malloc G_DEBUG=gc-friendly GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none \
    xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
    valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite \
      --errors-for-leak-kinds=definite --num-callers=40 --child-silent-after-fork=yes \
      "${suppressions[@]}" --gen-suppressions=all \
      --xml=yes --xml-file="$top/$xml" --log-file="$top/$log" \
      ./tests/test-ui-shell --tap
) || status=$?

if [ $status -ne 0 ]; then
  echo "test-ui-shell failed under Valgrind (exit $status); see $log"
fi

# Definite leaks, and whether a frame of their allocation is in src/; any
# other memcheck error (invalid reads and writes, uninitialised values) is
# listed too.
python3 - "$xml" "$top" <<'EOF' || status=1
import os
import sys
import xml.etree.ElementTree as ET

xml_path, top = sys.argv[1], sys.argv[2]
root = ET.parse(xml_path).getroot()
ours, others, other_bytes, memory_errors = [], 0, 0, []
for error in root.iter("error"):
    kind = error.findtext("kind")
    frames = []
    in_src = False
    for frame in error.iter("frame"):
        d, f, line = frame.findtext("dir", ""), frame.findtext("file", ""), frame.findtext("line", "")
        fn = frame.findtext("fn", frame.findtext("obj", "?"))
        if f and os.path.normpath(d).startswith(top + "/src"):
            in_src = True
        frames.append(f"    {fn} ({f}:{line})" if f else f"    {fn}")
    if not kind.startswith("Leak_"):
        memory_errors.append((kind, error.findtext("what", ""), frames))
        continue
    if kind != "Leak_DefinitelyLost":
        continue
    lost = int(error.findtext("xwhat/leakedbytes", "0"))
    if in_src:
        ours.append((lost, error.findtext("xwhat/text", ""), frames))
    else:
        others += 1
        other_bytes += lost

print(f"memory errors (invalid reads or writes, uninitialised values): {len(memory_errors)}")
for kind, text, frames in memory_errors:
    print(f"  {kind}: {text}")
    print("\n".join(frames[:20]))
print(f"definite leaks not through src/ (unsuppressed library noise): {others} ({other_bytes} bytes)")
print(f"definite leaks through src/: {len(ours)} ({sum(l for l, _, _ in ours)} bytes)")
for lost, text, frames in ours:
    print(f"  {text}")
    print("\n".join(frames[:20]))
sys.exit(1 if ours or memory_errors else 0)
EOF

exit $status
