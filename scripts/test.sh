#!/usr/bin/env bash
# Runs every check PlanLens has, the same locally and in CI: formatting,
# clippy (warnings denied) on the core and the desktop shell, the core and CLI
# tests, the extraction accuracy gate on the seed plans, the UI tests (Vitest),
# the shell's tests and the end-to-end test of the real app under Xvfb.
# Installs what it needs (apt packages as root or with sudo, npm packages,
# tauri-driver).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-$(nproc)}"

PLANLENS_SETUP="app e2e" scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy: core and CLI (warnings denied)"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo test: core and CLI"
cargo test --locked
echo "== extraction accuracy on the seed plans"
scripts/accuracy.sh
echo "== UI build (the desktop shell embeds it)"
(cd ui && npm ci --no-audit --no-fund && npm run build)
echo "== cargo clippy: desktop shell (warnings denied)"
cargo clippy -p planlens-app --all-targets --locked -- -D warnings
echo "== UI tests, shell tests, end-to-end test of the app"
scripts/e2e.sh
echo "== all checks passed"
