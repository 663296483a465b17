/**
 * Finding terms in text by character (code point) offsets, as the core
 * reports them, and turning spans into highlighted DOM.
 */
import { h } from "./dom";

/** A half-open character range. */
export interface CharRange {
  start: number;
  end: number;
}

/** Occurrences of `terms` in `text` (case-insensitive), sorted, overlaps merged. */
export function findTerms(text: string, terms: string[]): CharRange[] {
  const chars = Array.from(text.toLowerCase());
  const spans: CharRange[] = [];
  for (const term of terms) {
    const tc = Array.from(term.toLowerCase());
    if (tc.length === 0 || tc.length > chars.length) continue;
    for (let i = 0; i + tc.length <= chars.length; i++) {
      let ok = true;
      for (let k = 0; k < tc.length && ok; k++) ok = chars[i + k] === tc[k];
      if (ok) spans.push({ start: i, end: i + tc.length });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: CharRange[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * `text` as text nodes with each span wrapped in `<mark class=cls>`. Spans
 * out of range or overlapping an earlier one are clipped, never thrown on.
 */
export function highlighted(text: string, spans: CharRange[], cls: string): Node[] {
  const chars = Array.from(text);
  const out: Node[] = [];
  let at = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const s of sorted) {
    const start = Math.max(at, Math.min(chars.length, s.start));
    const end = Math.max(start, Math.min(chars.length, s.end));
    if (end === start) continue;
    if (start > at) out.push(document.createTextNode(chars.slice(at, start).join("")));
    out.push(h("mark", { class: cls }, chars.slice(start, end).join("")));
    at = end;
  }
  if (at < chars.length) out.push(document.createTextNode(chars.slice(at).join("")));
  return out;
}
