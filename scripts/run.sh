#!/usr/bin/env bash
# The main job: builds the UI and the desktop app (release) and starts
# PlanLens with the five seed plans loaded (they are loaded into any new
# database on first start). The database lives in the per-user data directory
# unless PLANLENS_DB is set.
#
# On a machine without a display (no DISPLAY / WAYLAND_DISPLAY) the app is
# started under Xvfb instead, a screenshot of its first screen is written to
# target/planlens-screenshot.png, and the CLI lists the same plans.
set -euo pipefail
cd "$(dirname "$0")/.."
PLANLENS_SETUP="app e2e" scripts/setup.sh

(cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
cargo build --release --locked -p planlens-app --bin planlens-app
cargo build --release --locked --bin planlens
APP=target/release/planlens-app

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$APP"
fi

echo "run.sh: no display found; starting PlanLens under Xvfb"
export PLANLENS_DB="${PLANLENS_DB:-$PWD/target/planlens-demo.db}"
export DISPLAY=":${DISPLAY_NUM:-97}"
Xvfb "$DISPLAY" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
"$APP" &
APP_PID=$!
trap 'kill $APP_PID $XVFB 2>/dev/null || true' EXIT
sleep "${SCREENSHOT_AFTER:-8}"
import -window root target/planlens-screenshot.png
echo "run.sh: screenshot of the running app: target/planlens-screenshot.png"
target/release/planlens list
