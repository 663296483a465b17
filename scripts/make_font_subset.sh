#!/usr/bin/env bash
# Rebuilds data/fonts/NotoSansCJKsc-Subset-{Regular,Bold}.otf: Noto Sans CJK SC subset to
# ASCII + Latin-1 + general punctuation and maths symbols + all GB2312 characters
# (symbol rows 1-9, level 1 hanzi 3755, level 2 hanzi 3008) + data/fonts/extra_chars.txt.
#
# Needs: apt-get install -y fonts-noto-cjk   (Debian 1:20220127 gives Noto Sans CJK 2.004)
#        pip install fonttools               (gives pyftsubset)
set -euo pipefail
cd "$(dirname "$0")/.."
SRC_DIR=${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}
OUT=data/fonts
CHARS=$(mktemp)
trap 'rm -f "$CHARS"' EXIT

python3 - "$OUT/extra_chars.txt" >"$CHARS" <<'PY'
import sys
chars = set()
# Printable ASCII and Latin-1 supplement (°, ±, ×, ·, …).
chars.update(chr(c) for c in range(0x20, 0x7F))
chars.update(chr(c) for c in range(0xA0, 0x100))
# General punctuation (– — ‘ ’ “ ” … ‰), arrows, maths operators (≥ ≤ ≈ ≠),
# enclosed alphanumerics (① …), CJK symbols and punctuation, full-width forms.
for lo, hi in [(0x2000, 0x206F), (0x2190, 0x21FF), (0x2200, 0x22FF),
               (0x2460, 0x24FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]:
    chars.update(chr(c) for c in range(lo, hi + 1))
# Every character that GB2312 encodes: rows 0xA1-0xA9 (symbols), 0xB0-0xF7 (hanzi).
for hi in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xF8)):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
# Characters outside GB2312 that place names and plans use.
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if not line.startswith("#"):
            chars.update(c for c in line.strip() if not c.isspace())
sys.stdout.write("".join(sorted(chars)))
PY

for weight in Regular Bold; do
  # Index 2 of the collection is the Simplified Chinese face (Noto Sans CJK SC).
  pyftsubset "$SRC_DIR/NotoSansCJK-$weight.ttc" --font-number=2 \
    --text-file="$CHARS" --layout-features='kern,palt,vert,locl' \
    --name-IDs='*' --name-languages='*' --no-hinting \
    --output-file="$OUT/NotoSansCJKsc-Subset-$weight.otf"
done
ls -l "$OUT"/*.otf
