#!/bin/bash
# run.sh — builds Rollout and opens the bundled demo plan in it.
#   build-aux/run.sh [FILE.rollout]
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/install-deps.sh build

build=_build
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=debugoptimized
fi
ninja -C "$build"

plan=${1:-data/demo/scooter-reservations.rollout}

# Use the schema compiled in the build tree, so nothing needs installing.
export GSETTINGS_SCHEMA_DIR="$top/$build/data"
export ROLLOUT_DATADIR="$top/data"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: running Rollout on a virtual X server (Xvfb)."
  bash build-aux/install-deps.sh test
  exec xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- "$build/src/ui/rollout" "$plan"
fi
exec "$build/src/ui/rollout" "$plan"
