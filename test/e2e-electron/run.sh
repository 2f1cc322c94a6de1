#!/usr/bin/env bash
# `npm run test:electron`: Playwright `_electron` tests of the built desktop app.
# Needs the Electron binary (node_modules/electron/dist) and a display (or xvfb-run on Linux).
# When either is missing it says so loudly and exits 0, unless CI_ELECTRON=1 demands the run (then 1).
set -uo pipefail
cd "$(dirname "$0")/../.."

cannot_run() {
  printf '\n%s\n' "################################################################################" >&2
  printf '# ELECTRON END-TO-END TESTS DID NOT RUN\n' >&2
  printf '# %s\n' "$@" >&2
  printf '%s\n\n' "################################################################################" >&2
  if [ "${CI_ELECTRON:-}" = "1" ]; then
    echo "CI_ELECTRON=1: the Electron tests are required here, so this is a failure." >&2
    exit 1
  fi
  exit 0
}

binary=""
if [ -f node_modules/electron/path.txt ]; then
  binary="node_modules/electron/dist/$(cat node_modules/electron/path.txt)"
fi
if [ -z "$binary" ] || [ ! -e "$binary" ]; then
  cannot_run "Reason: no Electron binary in node_modules/electron/dist (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1," \
    "or the download from github.com failed). Fix: on a machine with network access run" \
    "'rm -rf node_modules && npm ci' without ELECTRON_SKIP_BINARY_DOWNLOAD, then 'npm run test:electron'."
fi

wrap=()
if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then
    wrap=(xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24")
  else
    cannot_run "Reason: no display (DISPLAY and WAYLAND_DISPLAY are unset) and no xvfb-run to make one." \
      "Fix: apt-get install xvfb (provides xvfb-run), or run from a desktop session."
  fi
fi

echo "== build (electron-vite build)"
npx electron-vite build --logLevel warn || exit 1

echo "== Electron end to end (${binary})"
# A private keyring (Secret Service) so keytar in the app stores secrets for real, never in yours.
# ${wrap[@]+...}: an empty array under `set -u` is an error in bash 3 (macOS).
exec bash test/keyring/with-keyring.sh ${wrap[@]+"${wrap[@]}"} npx playwright test -c test/e2e-electron/playwright.config.ts "$@"
