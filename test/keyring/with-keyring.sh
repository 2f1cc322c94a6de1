#!/usr/bin/env bash
# Runs COMMAND... with a real, private GNOME Keyring (Secret Service) on a private D-Bus session, so keytar
# works against a real keychain without touching the user's own. Exports KEYRING_READY=1 when it worked.
# Recipe (DESIGN.md): a fresh empty HOME, dbus-run-session, `printf pw | gnome-keyring-daemon --unlock`.
set -uo pipefail
if [ "$#" -eq 0 ]; then echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; fi

loud() {
  printf '\n%s\n' "################################################################################" >&2
  printf '# WARNING: %s\n' "$@" >&2
  printf '%s\n\n' "################################################################################" >&2
}

missing=""
command -v dbus-run-session >/dev/null 2>&1 || missing="$missing dbus-run-session(dbus)"
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing="$missing gnome-keyring-daemon(gnome-keyring)"
if [ -n "$missing" ]; then
  loud "no keyring for the tests: missing$missing" "keychain tests will SKIP. Install: apt-get install dbus gnome-keyring libsecret-1-dev"
  if [ "${CI:-}" = "true" ]; then echo "CI=true: a missing keyring is a failure, not a skip." >&2; exit 1; fi
  export KEYRING_READY=0
  exec "$@"
fi

home="$(mktemp -d "${TMPDIR:-/tmp}/keyring-home.XXXXXX")"
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.config" "$home/.cache" "$home/.local/share" "$home/run"
chmod 700 "$home/run"
export KEYRING_REAL_HOME="$HOME"
# npm and other tools must keep their own caches; only the keyring needs the fresh HOME.
export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
export npm_config_update_notifier=false
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
  XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"

# The inner shell unlocks a fresh login keyring (password "pw"), checks it answers, then runs the command.
dbus-run-session -- bash -c '
  if printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; then
    export KEYRING_READY=1
  else
    export KEYRING_READY=0
  fi
  if [ "$KEYRING_READY" != 1 ]; then
    printf "\n#### WARNING: gnome-keyring-daemon did not start; keychain tests will SKIP ####\n\n" >&2
    if [ "${CI:-}" = "true" ]; then echo "CI=true: a missing keyring is a failure, not a skip." >&2; exit 1; fi
  fi
  exec "$@"
' with-keyring "$@" 2> >(grep --line-buffered -v -e "Unable to set up transient service directory" -e "Failed to set fd limit" >&2)
