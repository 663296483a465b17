#!/usr/bin/env bash
# Screenshots of every view of the real app under Xvfb (through WebDriver),
# written to ${SHOTS:-docs/screenshots}. Same setup as scripts/e2e.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
SHOTS=${SHOTS:-docs/screenshots} E2E_SCRIPT=tests/e2e/screens.mjs exec scripts/e2e.sh
