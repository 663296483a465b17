#!/usr/bin/env bash
# Scores `planlens extract --json` on the seed plans against the hand-labelled
# gold targets in ../shared/gold and fails below the bar: f1 >= 0.95 and every
# attribute accuracy >= 0.90. Skips (exit 0, with a note) when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${PLANLENS_SHARED:-../shared}"
if [ ! -f "$shared/tools/score_targets.py" ] || [ ! -d "$shared/gold/targets" ]; then
    echo "accuracy.sh: $shared/tools/score_targets.py not found; accuracy gate skipped"
    exit 0
fi
bin="${PLANLENS_BIN:-target/debug/planlens}"
[ -x "$bin" ] || cargo build --quiet --bin planlens
out=$(python3 "$shared/tools/score_targets.py" --docs seeds --gold "$shared/gold/targets" \
      --cmd "$bin extract {file} --json" "$@")
echo "$out"
summary=$(echo "$out" | tail -n 1)
python3 - "$summary" <<'PY'
import re, sys
line = sys.argv[1]
f1 = float(re.search(r"f1=([0-9.]+)", line).group(1))
attrs = dict((k, float(v)) for k, v in re.findall(r"(\w+)=([0-9.]+)", line.split("|", 1)[1]))
bad = [f"f1={f1:.3f} < 0.95"] if f1 < 0.95 else []
bad += [f"{k}={v:.2f} < 0.90" for k, v in attrs.items() if v < 0.90]
if bad:
    print("accuracy.sh: FAILED: " + ", ".join(bad))
    sys.exit(1)
print("accuracy.sh: extraction accuracy bar met")
PY
