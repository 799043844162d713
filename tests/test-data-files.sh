#!/bin/bash
# test-data-files.sh MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR — installs
# Rollout with `meson install --destdir` into a temporary folder and checks
# that every file lands where the desktop looks for it and that the files
# agree with each other (desktop file, metainfo, MIME type, icons). Then
# registers the MIME type in a private MIME database and checks that a
# .rollout file, and a plan without the extension, are recognised as plans.
# Prints TAP.
set -u

meson=$1 build=$2 prefix=$3 bindir=$4 datadir=$5 localedir=$6
src=${G_TEST_SRCDIR:-$(dirname "$0")}
demo="$src/../data/demo/scooter-reservations.rollout"
app_id=com.example.Rollout
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check () { local desc=$1; shift; if "$@" >"$tmp/check.log" 2>&1; then ok "$desc"; else not_ok "$desc" "$(head -c 600 "$tmp/check.log")"; fi; }

# Options may be absolute or relative to the prefix.
under_prefix () { case "$1" in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac; }
dest=$tmp/dest
bin=$dest$(under_prefix "$bindir")
share=$dest$(under_prefix "$datadir")
locale=$dest$(under_prefix "$localedir")

if "$meson" install -C "$build" --destdir "$dest" --quiet >"$tmp/install.log" 2>&1; then
  ok "meson install --destdir"
else
  not_ok "meson install --destdir" "$(tail -c 800 "$tmp/install.log")"
  echo "1..$n"
  exit 1
fi

expect_file () {
  if [ -f "$1" ] && [ -s "$1" ]; then ok "installed: ${1#"$dest"}"; else not_ok "installed: ${1#"$dest"}" "missing or empty"; fi
}
expect_exec () {
  if [ -x "$1" ] && [ -f "$1" ]; then ok "installed, executable: ${1#"$dest"}"; else not_ok "installed, executable: ${1#"$dest"}"; fi
}

expect_exec "$bin/rollout"
expect_exec "$bin/rollout-cli"
desktop=$share/applications/$app_id.desktop
metainfo=$share/metainfo/$app_id.metainfo.xml
mime=$share/mime/packages/$app_id.xml
icon=$share/icons/hicolor/scalable/apps/$app_id.svg
symbolic=$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
schema=$share/glib-2.0/schemas/$app_id.gschema.xml
expect_file "$desktop"
expect_file "$metainfo"
expect_file "$mime"
expect_file "$icon"
expect_file "$symbolic"
expect_file "$schema"
expect_file "$share/rollout/demo/scooter-reservations.rollout"
expect_file "$locale/de/LC_MESSAGES/rollout.mo"
service=$share/dbus-1/services/$app_id.service
expect_file "$service"

# Nothing else is installed: no headers, static libraries or stray files.
find "$dest" -type f | sed "s|^$dest||" | LC_ALL=C sort > "$tmp/installed"
unexpected=$(grep -vE '/(bin/rollout|bin/rollout-cli|applications/[^/]+\.desktop|metainfo/[^/]+\.metainfo\.xml|mime/packages/[^/]+\.xml|icons/hicolor/[^/]+/apps/[^/]+\.svg|glib-2\.0/schemas/[^/]+\.gschema\.xml|rollout/demo/[^/]+\.rollout|locale/[^/]+/LC_MESSAGES/rollout\.mo|dbus-1/services/[^/]+\.service)$' "$tmp/installed")
[ -z "$unexpected" ] && ok "nothing else is installed" || not_ok "nothing else is installed" $unexpected

# The files agree with each other.
key () { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
check "the desktop file is valid where it is installed" desktop-file-validate "$desktop"
[ "$(key Exec)" = "rollout %U" ] && ok "the desktop file runs rollout" || not_ok "the desktop file runs rollout" "Exec=$(key Exec)"
# D-Bus activation: the service has the app id as its name and runs the
# installed binary as a GApplication service.
[ "$(key DBusActivatable)" = true ] && ok "the desktop file is D-Bus activatable" || not_ok "the desktop file is D-Bus activatable"
[ "$(sed -n 's/^Name=//p' "$service")" = "$app_id" ] && ok "the D-Bus service is named after the app id" || not_ok "the D-Bus service is named after the app id" "$(cat "$service")"
case "$(sed -n 's/^Exec=//p' "$service")" in
  */bin/rollout\ --gapplication-service) ok "the D-Bus service runs the installed rollout" ;;
  *) not_ok "the D-Bus service runs the installed rollout" "$(cat "$service")" ;;
esac
[ "$(key Icon)" = "$app_id" ] && ok "the desktop file's icon is the installed one" || not_ok "the desktop file's icon is the installed one" "Icon=$(key Icon)"
mime_type=$(xmllint --xpath 'string(//*[local-name()="mime-type"]/@type)' "$mime" 2>/dev/null)
[ "$mime_type" = "application/x-rollout+json" ] && ok "the MIME type is application/x-rollout+json" || not_ok "the MIME type is application/x-rollout+json" "$mime_type"
[ "$(key MimeType)" = "$mime_type;" ] && ok "the desktop file opens the MIME type" || not_ok "the desktop file opens the MIME type" "MimeType=$(key MimeType)"
case "$(key Categories)" in
  *Office\;*ProjectManagement\;*) ok "categories Office and ProjectManagement" ;;
  *) not_ok "categories Office and ProjectManagement" "Categories=$(key Categories)" ;;
esac
xpath () { xmllint --xpath "$1" "$metainfo" 2>/dev/null; }
[ "$(xpath 'string(/component/id)')" = "$app_id" ] && ok "the metainfo's id is the app id" || not_ok "the metainfo's id is the app id"
[ "$(xpath 'string(/component/launchable[@type="desktop-id"])')" = "$app_id.desktop" ] \
  && ok "the metainfo launches the installed desktop file" || not_ok "the metainfo launches the installed desktop file"
[ "$(xpath 'string(/component/provides/mediatype)')" = "$mime_type" ] \
  && ok "the metainfo provides the MIME type" || not_ok "the metainfo provides the MIME type"
for b in rollout rollout-cli; do
  [ "$(xpath "count(/component/provides/binary[text()='$b'])")" = 1 ] && [ -x "$bin/$b" ] \
    && ok "the metainfo provides $b, and it is installed" || not_ok "the metainfo provides $b, and it is installed"
done
shots=$(xpath 'count(/component/screenshots/screenshot)')
captions=$(xpath 'count(/component/screenshots/screenshot/caption[not(@xml:lang)])')
[ "${shots:-0}" -ge 1 ] && [ "$shots" = "$captions" ] && ok "every screenshot has a caption" || not_ok "every screenshot has a caption" "$shots screenshots, $captions captions"
# The screenshots are in data/screenshots, at the size the metainfo gives.
png_size () { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }
count=$(xpath 'count(/component/screenshots/screenshot/image)')
for i in $(seq 1 "${count:-0}"); do
  url=$(xpath "string((/component/screenshots/screenshot/image)[$i])")
  want=$(xpath "string((/component/screenshots/screenshot/image)[$i]/@width)")x$(xpath "string((/component/screenshots/screenshot/image)[$i]/@height)")
  file=$src/../data/screenshots/$(basename "$url")
  if [ -f "$file" ] && [ "$(png_size "$file")" = "$want" ]; then
    ok "screenshot $(basename "$url") is in data/screenshots, $want"
  else
    not_ok "screenshot $(basename "$url") is in data/screenshots, $want" "$( [ -f "$file" ] && png_size "$file" || echo missing)"
  fi
done
check "the metainfo is valid where it is installed" appstreamcli validate --no-net "$metainfo"

check "the app icon is well-formed SVG" xmllint --noout "$icon"
check "the symbolic icon is well-formed SVG" xmllint --noout "$symbolic"
w=$(xmllint --xpath 'string(/*[local-name()="svg"]/@width)' "$icon")
h=$(xmllint --xpath 'string(/*[local-name()="svg"]/@height)' "$icon")
[ "$w" = 128 ] && [ "$h" = 128 ] && ok "the app icon is drawn on a 128 px canvas" || not_ok "the app icon is drawn on a 128 px canvas" "${w}x$h"
w=$(xmllint --xpath 'string(/*[local-name()="svg"]/@width)' "$symbolic")
h=$(xmllint --xpath 'string(/*[local-name()="svg"]/@height)' "$symbolic")
[ "$w" = 16 ] && [ "$h" = 16 ] && ok "the symbolic icon is drawn on a 16 px canvas" || not_ok "the symbolic icon is drawn on a 16 px canvas" "${w}x$h"
colours=$(grep -oiE '#[0-9a-f]{6}\b' "$symbolic" | tr 'A-F' 'a-f' | sort -u | wc -l)
[ "$colours" -le 1 ] && ok "the symbolic icon uses one colour" || not_ok "the symbolic icon uses one colour" "$colours colours"
# The icons render (with librsvg, as the desktop draws them) at the sizes
# they are shown at, and are not blank.
if command -v rsvg-convert >/dev/null && command -v convert >/dev/null; then
  for size in 128 64 32 16; do
    rsvg-convert -w "$size" -h "$size" "$icon" -o "$tmp/icon-$size.png" 2>"$tmp/rsvg.log"
    colours=$(convert "$tmp/icon-$size.png" -format '%k' info: 2>/dev/null)
    [ "$(png_size "$tmp/icon-$size.png" 2>/dev/null)" = "${size}x$size" ] && [ "${colours:-0}" -gt 8 ] \
      && ok "the app icon renders at $size px ($colours colours)" || not_ok "the app icon renders at $size px" "$(cat "$tmp/rsvg.log")"
  done
  rsvg-convert -w 16 -h 16 "$symbolic" -o "$tmp/symbolic.png" 2>"$tmp/rsvg.log"
  opaque=$(convert "$tmp/symbolic.png" -alpha extract -threshold 50% -format '%[fx:mean]' info: 2>/dev/null)
  python3 -c 'import sys; sys.exit(0 if 0.15 < float(sys.argv[1]) < 0.85 else 1)' "${opaque:-0}" \
    && ok "the symbolic icon renders at 16 px (${opaque} covered)" || not_ok "the symbolic icon renders at 16 px" "covered: ${opaque:-?}"
else
  echo "# rsvg-convert or convert is missing (librsvg2-bin, imagemagick): not rendering the icons"
fi

check "the installed schema compiles" glib-compile-schemas --strict --dry-run "$(dirname "$schema")"

# The MIME type, registered in a MIME database of its own.
mkdir -p "$tmp/xdg/mime/packages"
cp "$mime" "$tmp/xdg/mime/packages/"
if command -v update-mime-database >/dev/null; then
  check "update-mime-database accepts the MIME type" update-mime-database "$tmp/xdg/mime"
  grep -q "^50:application/x-rollout+json:\*\.rollout$" "$tmp/xdg/mime/globs2" \
    && ok "*.rollout is application/x-rollout+json" || not_ok "*.rollout is application/x-rollout+json" "$(cat "$tmp/xdg/mime/globs2")"
  grep -qx "application/x-rollout+json application/json" "$tmp/xdg/mime/subclasses" \
    && ok "application/x-rollout+json is a kind of application/json" || not_ok "application/x-rollout+json is a kind of application/json"
  cp "$demo" "$tmp/plan.rollout"
  cp "$demo" "$tmp/plan-without-extension"
  for f in plan.rollout plan-without-extension; do
    type=$(XDG_DATA_HOME="$tmp/xdg" XDG_DATA_DIRS="$tmp/none" gio info -a standard::content-type "$tmp/$f" | sed -n 's/^ *standard::content-type: //p')
    [ "$type" = "application/x-rollout+json" ] && ok "$f is recognised as a plan" || not_ok "$f is recognised as a plan" "content type: $type"
  done
else
  echo "# update-mime-database is missing (shared-mime-info): not checking the MIME database"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
