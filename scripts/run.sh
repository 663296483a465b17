#!/usr/bin/env bash
# The main job: builds PlanLens, loads the five seed plans into a fresh
# database and lists them with their task items and targets.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --locked --bin planlens
db="${PLANLENS_DB:-$PWD/target/planlens-demo.db}"
export PLANLENS_DB="$db"
target/release/planlens list
echo
echo "Database: $db   (try: target/release/planlens show 滨州 --tree)"
