#!/usr/bin/env bash
# Start-up benchmark of the desktop app under Xvfb: time from launch to the
# Library showing the seed plans (reported by the app itself when the UI
# first renders documents), and the resident memory of the app and its
# WebKit processes once loaded. The first run seeds a temporary database
# (cold); the next RUNS runs are warm. Prints a Markdown table.
#
#   scripts/bench_startup.sh            # release build, 5 warm runs
#   PROFILE=debug RUNS=3 scripts/bench_startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE=${PROFILE:-release}
RUNS=${RUNS:-5}
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
(cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build >/dev/null)
if [ "$PROFILE" = release ]; then cargo build -q --release -p planlens-app; else cargo build -q -p planlens-app; fi
APP="target/$PROFILE/planlens-app"

WORK=$(mktemp -d)
export PLANLENS_DB="$WORK/planlens.db" PLANLENS_STARTUP_LOG=1
export DISPLAY=":${DISPLAY_NUM:-98}"
Xvfb "$DISPLAY" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; kill "$XVFB" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
sleep 1

# Resident memory (MiB) of a process and all its descendants.
rss_tree() {
  local total=0 p
  for p in $1 $(pgrep -P "$1" 2>/dev/null) $(for c in $(pgrep -P "$1" 2>/dev/null); do pgrep -P "$c"; done); do
    [ -r "/proc/$p/status" ] && total=$((total + $(awk '/VmRSS/{print $2}' "/proc/$p/status")))
  done
  echo $((total / 1024))
}

run_once() {
  local log="$WORK/run.log" ms="" i
  : >"$log"
  "$APP" 2>"$log" &
  APP_PID=$!
  for i in $(seq 600); do
    ms=$(sed -n 's/.*library shown \([0-9]*\) ms.*/\1/p' "$log" | head -1)
    [ -n "$ms" ] && break
    sleep 0.05
  done
  sleep 1.5
  local mem; mem=$(rss_tree "$APP_PID")
  kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  echo "${ms:-timeout} $mem"
}

echo "| run | launch → library with seed plans (ms) | memory, app + WebKit (MiB) |"
echo "|---|---|---|"
read -r ms mem < <(run_once); echo "| cold (seeds loaded) | $ms | $mem |"
for r in $(seq "$RUNS"); do
  read -r ms mem < <(run_once); echo "| warm $r | $ms | $mem |"
done
