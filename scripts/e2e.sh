#!/usr/bin/env bash
# End-to-end test of the desktop app: installs what it needs on Debian 12
# (apt packages, tauri-driver, npm packages), runs the UI tests (Vitest) and
# the shell's tests (bindings drift, backend), builds the UI and the app, then
# drives the real binary under Xvfb through tauri-driver + WebKitWebDriver.
#
#   scripts/e2e.sh                 # the end-to-end test (tests/e2e/app.e2e.mjs)
#   E2E_SCRIPT=tests/e2e/screens.mjs SHOTS=docs/screenshots scripts/e2e.sh
#
# Uses a fresh temporary database (PLANLENS_DB) and display :99 unless
# DISPLAY_NUM is set; E2E_NO_BUILD=1 skips building. Exits non-zero when a
# step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}

need_apt=()
for p in libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev libxdo-dev libayatana-appindicator3-dev \
         build-essential pkg-config xvfb xauth webkit2gtk-driver fonts-noto-cjk imagemagick; do
  dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e: installing ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need_apt[@]}"
fi
command -v tauri-driver >/dev/null || cargo install tauri-driver --locked
command -v node >/dev/null || { echo "e2e: Node.js 20+ is required" >&2; exit 1; }

if [ -z "${E2E_NO_BUILD:-}" ]; then
  (cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test && npm run build)
  # The shell's own tests: generated TypeScript bindings up to date, backend
  # against a temporary database.
  cargo test -p planlens-app
  cargo build -p planlens-app
fi
APP="${CARGO_TARGET_DIR:-$ROOT/target}/debug/planlens-app"

WORK=$(mktemp -d)
export PLANLENS_DB="$WORK/planlens.db"
# The app's save dialog writes here without asking (a native dialog cannot be
# driven through WebDriver).
export PLANLENS_SAVE_DIR="$WORK/saved"
mkdir -p "$PLANLENS_SAVE_DIR"
export DISPLAY=":${DISPLAY_NUM:-99}"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

Xvfb "$DISPLAY" -screen 0 "${SCREEN:-1920x1080x24}" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do xdpyinfo -display "$DISPLAY" >/dev/null 2>&1 && break; [ -e "/tmp/.X11-unix/X${DISPLAY#:}" ] && break; sleep 0.1; done

tauri-driver --port 4444 --native-driver /usr/bin/WebKitWebDriver >"$WORK/driver.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do
  curl -fs http://127.0.0.1:4444/status >/dev/null 2>&1 && break
  sleep 0.1
done

status=0
APP="$APP" node "${E2E_SCRIPT:-tests/e2e/app.e2e.mjs}" || status=$?
if [ $status -ne 0 ]; then
  echo "e2e: FAILED; tauri-driver log:" >&2
  tail -40 "$WORK/driver.log" >&2 || true
fi
exit $status
