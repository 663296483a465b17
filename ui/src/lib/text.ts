/**
 * Document text with character offsets. Offsets from the core count Unicode
 * scalar values; JavaScript strings count UTF-16 units, so every slice goes
 * through code-point arrays.
 */

/** A document text indexed by code points. */
export class CharText {
  readonly chars: string[];
  constructor(text: string) {
    this.chars = Array.from(text);
  }
  /** Length in characters. */
  get length(): number {
    return this.chars.length;
  }
  /** Characters `[start, end)`, clamped to the text. */
  slice(start: number, end: number): string {
    const s = Math.max(0, Math.min(this.length, start));
    const e = Math.max(s, Math.min(this.length, end));
    return this.chars.slice(s, e).join("");
  }
}

/** A paragraph: a line of the text with its character range. */
export interface Paragraph {
  start: number;
  end: number;
}

/** Longest line shown as one paragraph; longer lines are broken up. */
export const LONG_LINE = 240;

/**
 * Non-empty lines of the text as character ranges (line breaks excluded).
 * A line longer than [`LONG_LINE`] (a plan whose body is on one line) is
 * shown in paragraphs: at the structure markers in `cuts` (section starts)
 * and, where a piece is still long, after sentence ends. The stored text and
 * its offsets are untouched: paragraphs are only ranges over it.
 */
export function paragraphs(text: CharText, cuts: readonly number[] = []): Paragraph[] {
  const out: Paragraph[] = [];
  const sorted = [...cuts].sort((a, b) => a - b);
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i === n || text.chars[i] === "\n") {
      let e = i;
      if (e > start && text.chars[e - 1] === "\r") e--;
      for (const p of breakLine(text, start, e, sorted)) out.push(p);
      start = i + 1;
    }
  }
  return out;
}

/** The paragraphs of one line `[start, end)`, leading white space trimmed. */
function breakLine(text: CharText, start: number, end: number, cuts: readonly number[]): Paragraph[] {
  const pieces: Paragraph[] = [];
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text.chars[s])) s++;
    if (e > s) pieces.push({ start: s, end: e });
  };
  if (end - start <= LONG_LINE) {
    push(start, end);
    return pieces;
  }
  let from = start;
  for (const c of cuts) {
    if (c <= from || c >= end) continue;
    for (const p of sentences(text, from, c)) push(p.start, p.end);
    from = c;
  }
  for (const p of sentences(text, from, end)) push(p.start, p.end);
  return pieces;
}

/** `[start, end)` cut after sentence ends once a piece is half a long line. */
function sentences(text: CharText, start: number, end: number): Paragraph[] {
  if (end - start <= LONG_LINE) return [{ start, end }];
  const out: Paragraph[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if ("。；！？".includes(text.chars[i]) && i + 1 - from >= LONG_LINE / 2) {
      out.push({ start: from, end: i + 1 });
      from = i + 1;
    }
  }
  if (from < end) out.push({ start: from, end });
  return out;
}

/** A highlight span over the text. */
export interface Span {
  start: number;
  end: number;
  id: number;
}

/** A piece of a paragraph: plain text, or a highlighted span's part. */
export interface Segment {
  start: number;
  end: number;
  id: number | null;
}

/**
 * Splits `[start, end)` into plain and highlighted segments. Spans may be
 * unsorted, overlap or reach outside the range; an overlapped part goes to
 * the span that starts first.
 */
export function segments(start: number, end: number, spans: Span[]): Segment[] {
  const inRange = spans
    .filter((s) => s.end > start && s.start < end && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = start;
  for (const s of inRange) {
    const s0 = Math.max(pos, s.start);
    const s1 = Math.min(end, s.end);
    if (s1 <= s0) continue;
    if (s0 > pos) out.push({ start: pos, end: s0, id: null });
    out.push({ start: s0, end: s1, id: s.id });
    pos = s1;
  }
  if (pos < end) out.push({ start: pos, end, id: null });
  return out;
}

/** Index of the paragraph containing `offset` (binary search), or the nearest before it. */
export function paragraphAt(paras: Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paras.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paras[mid].start <= offset) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}
