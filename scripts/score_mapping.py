#!/usr/bin/env python3
"""Score the canonical indicator mapping (indicator_id) of extracted targets.

Usage:
  score_mapping.py --docs DIR --gold DIR --cmd 'target/debug/planlens extract {file} --json' [-v]
                   [--min-precision P] [--min-recall R]

Each gold file DIR/<base>.json is a JSON array whose objects carry "quote",
"value", optional "value_high", "unit" and "indicator_id" (a catalog id from
data/indicators.toml, or null where the figure must not be mapped). Both the
mapping fixtures (tests/fixtures/mapping/ with seeds/) and held-out target
gold files that carry an "indicator_id" field beside the other fields work.
The text scored is DOCS/<base>.txt. A gold item without an "indicator_id"
key, a missing gold directory, a directory without gold files, a missing
text or a gold quote not found in its text is an error (exit 2): a check
whose data is missing fails instead of being skipped.

The command must print a JSON object with a "targets" array (or a bare
array). Each predicted target needs "value" and "unit", either "start"/"end"
(character offsets into the decoded text) or "quote", and "indicator_id"
(null or absent means unmapped). A record with a "stretch" field (确保 X、力争 Y)
stands for two figures, its "value" and its "stretch", with the same span and
indicator_id, as in shared/tools/score_targets.py.

Figures are matched as in score_targets.py: a gold item matches a predicted
one when their text spans overlap and value, value_high and unit agree;
matching is one-to-one, in document order (gold quotes are resolved in order,
each search starting from the previous item).

  TP        = matched pairs whose predicted indicator_id is non-null and equals gold
  precision = TP / predictions with a non-null indicator_id (matched or not)
  recall    = TP / gold items with a non-null indicator_id

With -v each error is printed with its quote: WRONG (matched, both ids
non-null, different), SPURIOUS (prediction mapped where gold is null, or a
mapped prediction matching no gold figure) and MISSED (gold id non-null, but
the prediction is unmapped or the figure was not extracted).
The last line printed is
  mapping: precision=0.xxx recall=0.xxx (tp=N pred=N gold=N)
--min-precision / --min-recall make the script exit 1 below those floors.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys


def fail(msg):
    print(f"score_mapping: error: {msg}", file=sys.stderr)
    sys.exit(2)


def read_text(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("utf-8")


def gold_spans(text, gold, gold_path):
    spans, cursor = [], 0
    for g in gold:
        q = g["quote"]
        i = text.find(q, cursor)
        if i < 0:
            i = text.find(q)
        if i < 0:
            fail(f"{gold_path}: gold quote not found in text: {q!r}")
        spans.append((i, i + len(q)))
        cursor = i
    return spans


def pred_span(text, p):
    if isinstance(p.get("start"), int) and isinstance(p.get("end"), int):
        return p["start"], p["end"]
    q = p.get("quote")
    if q:
        i = text.find(q)
        if i >= 0:
            return i, i + len(q)
    return None


def same_number(a, b):
    if a is None or b is None:
        return a is None and b is None
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def norm_unit(u):
    return (u or "").strip().replace("％", "%")


def norm_id(i):
    if i is None:
        return None
    i = str(i).strip()
    return i or None


def match(text, gold, gspans, preds):
    ps = [pred_span(text, p) for p in preds]
    used = set()
    pairs = []
    for gi, g in enumerate(gold):
        a0, a1 = gspans[gi]
        for pi, p in enumerate(preds):
            if pi in used or ps[pi] is None:
                continue
            b0, b1 = ps[pi]
            if b1 <= a0 or b0 >= a1:
                continue
            if not same_number(g.get("value"), p.get("value")):
                continue
            if not same_number(g.get("value_high"), p.get("value_high")):
                continue
            if norm_unit(g.get("unit")) != norm_unit(p.get("unit")):
                continue
            used.add(pi)
            pairs.append((gi, pi))
            break
    return pairs


def expand_stretch(preds):
    out = []
    for p in preds:
        out.append(p)
        if p.get("stretch") is not None:
            q = dict(p)
            q["value"] = p["stretch"]
            q.pop("stretch")
            out.append(q)
    return out


def load_preds(cmd_tpl, text_path):
    cmd = cmd_tpl.replace("{file}", shlex.quote(text_path))
    out = subprocess.run(cmd, shell=True, capture_output=True, timeout=120)
    if out.returncode != 0:
        fail(f"command failed ({out.returncode}): {cmd}\n{out.stderr.decode(errors='replace')[-2000:]}")
    try:
        data = json.loads(out.stdout.decode("utf-8"))
    except ValueError as e:
        fail(f"command output is not JSON ({e}): {cmd}")
    preds = data["targets"] if isinstance(data, dict) else data
    if not isinstance(preds, list):
        fail(f"command output has no targets array: {cmd}")
    return expand_stretch(preds)


def load_gold(path):
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except ValueError as e:
        fail(f"{path}: not valid JSON ({e})")
    if not isinstance(gold, list):
        fail(f"{path}: gold file must be a JSON array")
    missing = [i for i, g in enumerate(gold) if not isinstance(g, dict) or "indicator_id" not in g]
    if missing and len(missing) == len(gold):
        fail(f"{path}: no item has an indicator_id key; this is not mapping gold")
    if missing:
        fail(f"{path}: {len(missing)} of {len(gold)} items lack an indicator_id key (first: item {missing[0]})")
    for i, g in enumerate(gold):
        if "quote" not in g or "value" not in g or "unit" not in g:
            fail(f"{path}: item {i} lacks quote, value or unit")
    return gold


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", required=True, help="directory with <base>.txt texts")
    ap.add_argument("--gold", required=True, help="directory with <base>.json gold files")
    ap.add_argument("--cmd", required=True, help="extraction command; {file} is replaced by the text path")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--min-precision", type=float, default=None)
    ap.add_argument("--min-recall", type=float, default=None)
    args = ap.parse_args()

    if not os.path.isdir(args.gold):
        fail(f"gold directory not found: {args.gold}")
    if not os.path.isdir(args.docs):
        fail(f"docs directory not found: {args.docs}")
    names = sorted(n for n in os.listdir(args.gold) if n.endswith(".json"))
    if not names:
        fail(f"no gold files (*.json) in {args.gold}")

    tp_all = pred_all = gold_all = 0
    for name in names:
        base = name[:-5]
        gold_path = os.path.join(args.gold, name)
        text_path = os.path.join(args.docs, base + ".txt")
        gold = load_gold(gold_path)
        if not os.path.isfile(text_path):
            fail(f"text for {gold_path} not found: {text_path}")
        text = read_text(text_path)
        gspans = gold_spans(text, gold, gold_path)
        preds = load_preds(args.cmd, text_path)
        pairs = match(text, gold, gspans, preds)

        gids = [norm_id(g.get("indicator_id")) for g in gold]
        pids = [norm_id(p.get("indicator_id")) for p in preds]
        tp = sum(1 for g, p in pairs if pids[p] is not None and pids[p] == gids[g])
        npred = sum(1 for i in pids if i is not None)
        ngold = sum(1 for i in gids if i is not None)
        tp_all += tp
        pred_all += npred
        gold_all += ngold
        print(f"{base}.txt: gold={ngold} pred={npred} tp={tp} (figures: gold={len(gold)} pred={len(preds)} matched={len(pairs)})")
        if args.verbose:
            g2p = dict(pairs)
            matched_p = {p for _, p in pairs}
            for gi, g in enumerate(gold):
                gid = gids[gi]
                if gi in g2p:
                    pid = pids[g2p[gi]]
                    if gid is not None and pid is not None and pid != gid:
                        print(f"  WRONG     {g['quote']!r}: pred={pid} gold={gid}")
                    elif gid is None and pid is not None:
                        reason = g.get("reason")
                        print(f"  SPURIOUS  {g['quote']!r}: pred={pid} gold=null" + (f" ({reason})" if reason else ""))
                    elif gid is not None and pid is None:
                        print(f"  MISSED    {g['quote']!r}: pred=null gold={gid}")
                elif gid is not None:
                    print(f"  MISSED    {g['quote']!r}: figure not extracted, gold={gid}")
            for pi, p in enumerate(preds):
                if pi not in matched_p and pids[pi] is not None:
                    q = p.get("quote") or ""
                    print(f"  SPURIOUS  {q!r}: pred={pids[pi]}, no gold figure (value={p.get('value')} unit={p.get('unit')})")

    prec = tp_all / pred_all if pred_all else 0.0
    rec = tp_all / gold_all if gold_all else 0.0
    rc = 0
    if args.min_precision is not None and prec < args.min_precision:
        print(f"score_mapping: precision {prec:.3f} below floor {args.min_precision}", file=sys.stderr)
        rc = 1
    if args.min_recall is not None and rec < args.min_recall:
        print(f"score_mapping: recall {rec:.3f} below floor {args.min_recall}", file=sys.stderr)
        rc = 1
    sys.stderr.flush()
    print(f"mapping: precision={prec:.3f} recall={rec:.3f} (tp={tp_all} pred={pred_all} gold={gold_all})")
    return rc


if __name__ == "__main__":
    sys.exit(main())
