#!/usr/bin/env bash
# Runs every check PlanLens has, the same locally and in CI:
# formatting, clippy (warnings denied), unit/integration/doc tests of the core
# and CLI, and the extraction accuracy gate on the seed plans.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy (core and CLI, warnings denied)"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo test (core and CLI)"
cargo test --locked
echo "== extraction accuracy on the seed plans"
scripts/accuracy.sh
echo "== all checks passed"
