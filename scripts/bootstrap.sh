#!/usr/bin/env bash
# The README's two commands, on a fresh Debian 12 machine (as root, or with sudo):
#   bash scripts/bootstrap.sh console   install what is missing, build, open the console on a MariaDB sandbox
#   bash scripts/bootstrap.sh test      install what is missing, build, run the whole test suite
# Options after the command are passed on: `console --sandbox postgres`, `test -L unit`.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
mode=${1:-}
shift || true

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite
  qtkeychain-qt6-dev default-libmysqlclient-dev libpq-dev libgtest-dev libgmock-dev libbenchmark-dev libpg-query-dev
  mariadb-server mariadb-client postgresql postgresql-client
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools fonts-dejavu-core
  percona-toolkit imagemagick poppler-utils
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'bootstrap: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "installing packages needs root: run as root or install sudo (missing: ${missing[*]})"; fi
}

install_missing() {
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && { say "all packages present"; return; }
  say "installing ${#missing[@]} packages: ${missing[*]}"
  # The database packages would start system-wide servers; the sandboxes run their own on
  # other ports, so keep the package scripts from starting services while we install.
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod +x /usr/sbin/policy-rc.d
    made_policy=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  [ $made_policy -eq 1 ] && as_root rm -f /usr/sbin/policy-rc.d
  return 0
}

build() {
  say "configuring (preset ci: RelWithDebInfo, warnings are errors)"
  cmake --preset ci >/dev/null
  say "building with $(nproc) jobs"
  cmake --build --preset ci -j "$(nproc)"
}

case "$mode" in
  console)
    install_missing
    build
    bin="$here/build/ci/app/switchyard"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      say "no display: rendering the console offscreen to switchyard-console.png instead"
      QT_QPA_PLATFORM=offscreen "$bin" --sandbox mariadb --screenshot switchyard-console.png "$@"
      say "wrote $(pwd)/switchyard-console.png"
    else
      say "opening the console on the MariaDB sandbox"
      exec "$bin" --sandbox mariadb "$@"
    fi
    ;;
  test)
    install_missing
    build
    say "running the test suite (unit, ui, integration)"
    cd build/ci
    exec ctest --output-on-failure --no-tests=error -LE bench -j "$(nproc)" --timeout 900 "$@"
    ;;
  *)
    die "usage: bash scripts/bootstrap.sh console|test [options]"
    ;;
esac
