#!/bin/bash
# install-deps.sh [build|test|all] — installs, with apt, whatever Rollout
# needs that this Debian 12 machine lacks. Run as root (or it uses sudo).
set -euo pipefail

profile=${1:-build}

build_pkgs=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libsqlite3-dev libcairo2-dev libpango1.0-dev libxml2-dev
  desktop-file-utils appstream
)
test_pkgs=(
  xvfb xauth dbus dbus-x11 at-spi2-core
  poppler-utils imagemagick libxml2-utils python3-jsonschema
  fonts-cantarell fonts-dejavu-core
  clang libclang-rt-14-dev valgrind
  git
  librsvg2-bin shared-mime-info locales-all
)

want=("${build_pkgs[@]}")
case "$profile" in
  build) ;;
  test|all) want+=("${test_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|all]" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
