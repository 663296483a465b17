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

/** Non-empty lines of the text as character ranges (line breaks excluded). */
export function paragraphs(text: CharText): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i === n || text.chars[i] === "\n") {
      let s = start;
      let e = i;
      if (e > s && text.chars[e - 1] === "\r") e--;
      while (s < e && /\s/.test(text.chars[s])) s++;
      if (e > s) out.push({ start: s, end: e });
      start = i + 1;
    }
  }
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
