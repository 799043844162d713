#!/bin/bash
# with-xvfb.sh COMMAND [ARGS...] — runs COMMAND on a virtual X display of
# its own, 1400 × 900, and stops the display after it. build-aux/test.sh
# and build-aux/sanitize.sh give it to `meson test --wrapper`, so that tests
# running side by side never share a display: on one display they would
# share the X selections (the clipboard and the primary selection), and a
# test that copies could see, or be disturbed by, another's copy.
#
# Xvfb picks a free display number itself and tells it on a pipe
# (-displayfd), so two of these started at once cannot take the same one.
# Exits with COMMAND's status.
set -u

dir=$(mktemp -d "${TMPDIR:-/tmp}/rollout-xvfb-XXXXXX") || exit 1
mkfifo "$dir/display"
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$dir/display" 2>"$dir/log" &
xvfb=$!

# Waits for Xvfb to say its display, or to fail.
if ! read -r number < "$dir/display" || [ -z "$number" ]; then
  echo "with-xvfb.sh: Xvfb did not start:" >&2
  cat "$dir/log" >&2
  rm -rf "$dir"
  exit 1
fi

DISPLAY=":$number" "$@"
status=$?

kill "$xvfb" 2>/dev/null
wait "$xvfb" 2>/dev/null
rm -rf "$dir"
exit $status
