#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring and a temporary
# HOME, so keychain tests never touch the real user's keyring:
#   tests/support/run_with_keyring.sh ./test_keychain
set -euo pipefail
tmp=$(mktemp -d -t switchyard-keyring.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 0700 "$tmp/runtime"
export HOME="$tmp" XDG_RUNTIME_DIR="$tmp/runtime" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export XDG_CURRENT_DESKTOP=GNOME
exec dbus-run-session -- bash -c '
  printf "test-keyring-pw" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  exec "$@"' run_with_keyring "$@"
